// Implicit downcasts from `dynamic` fail with the Dart VM's TypeError text, which
// (unlike an explicit `as`) does not end with " in type cast".

int takesInt(int n) => n;
int returnsInt(dynamic d) => d;

class Holder {
  String label = '';
}

void attempt(String what, Object? Function() body) {
  try {
    print('$what: ${body()}');
  } on TypeError catch (e) {
    print('$what: $e');
  }
}

void main() {
  dynamic text = 'str';
  attempt('local', () {
    int x = text;
    return x;
  });
  attempt('explicit', () => text as int);
  attempt('argument', () => takesInt(text));
  attempt('return', () => returnsInt(text));
  attempt('field', () => Holder()..label = (7 as dynamic));

  final Map<String, dynamic> json = {'name': null, 'tags': <dynamic>['a']};
  attempt('json null', () {
    String name = json['name'];
    return name;
  });
  attempt('json list', () {
    List<String> tags = json['tags'];
    return tags;
  });

  dynamic pair = (1, 2);
  attempt('record', () {
    (String, int) r = pair;
    return r;
  });
  attempt('record explicit', () => pair as (String, int));
}
