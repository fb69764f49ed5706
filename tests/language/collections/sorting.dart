// gc-stress
// Sorting with the default ordering and with comparators; multi-key sorts
// with tie-breakers, sorting strings, and sorting a larger generated list.

class Player {
  final String name;
  final int score;
  final int age;
  Player(this.name, this.score, this.age);
  @override
  String toString() => '$name($score,$age)';
}

void main() {
  var nums = [42, 7, -3, 19, 0, 7, 100, -50];
  nums.sort();
  print(nums);
  nums.sort((a, b) => b.compareTo(a));
  print(nums);

  var words = ['pear', 'Apple', 'fig', 'banana', 'apple', 'Cherry'];
  var sorted = [...words];
  sorted.sort();
  print(sorted);
  words.sort((a, b) => a.length != b.length
      ? a.length.compareTo(b.length)
      : a.compareTo(b));
  print(words);
  words.sort((a, b) => a.toLowerCase() == b.toLowerCase()
      ? a.compareTo(b)
      : a.toLowerCase().compareTo(b.toLowerCase()));
  print(words);

  var players = [
    Player('ann', 90, 30),
    Player('bob', 75, 25),
    Player('cid', 90, 22),
    Player('dee', 60, 41),
    Player('eve', 75, 35),
  ];
  players.sort((a, b) {
    var byScore = b.score.compareTo(a.score);
    if (byScore != 0) return byScore;
    return a.age.compareTo(b.age);
  });
  print(players);

  var doubles = [3.5, -1.25, 2.0, 10.0, 0.5];
  doubles.sort();
  print(doubles);

  var seed = 12345;
  var data = <int>[];
  for (var i = 0; i < 200; i++) {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    data.add(seed % 100000 * 1000 + i);
  }
  data.sort();
  print(data.sublist(0, 5));
  print(data.sublist(195));
  var ok = true;
  for (var i = 1; i < data.length; i++) {
    if (data[i - 1] > data[i]) ok = false;
  }
  print('sorted: $ok, length: ${data.length}');

  var byLastDigit = [15, 22, 31, 44, 53, 60];
  byLastDigit.sort((a, b) => (a % 10).compareTo(b % 10));
  print(byLastDigit);
}
