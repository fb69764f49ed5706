void classic(int x) {
  switch (x) {
    case 1:
      print('one');
      break;
    case 2:
    case 3:
      print('two or three');
    case 4:
      {
        print('block');
      }
    default:
      print('other');
  }
}

void patterns(Object o) {
  switch (o) {
    case int n when n > 0:
      print('positive $n');
    case int _ || double _:
      print('number');
    case String(length: var len) when len > 5:
    case [1, 2, ...]:
      print('matched');
    case (var a, var b):
      print(a);
    case null:
    case Color.red:
    case const [1]:
      break;
    again:
    case 'label':
      continue again;
    default:
  }
  switch (o) {}
}
