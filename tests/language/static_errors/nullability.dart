// `null` and nullable values flowing into non-nullable types.
int length(String s) => s.length;

int? maybe() => null;

void main() {
  int n = null;
  String? s = 'text';
  int? m = maybe();
  int k = maybe();
  print(length(null));
  print([n, s, m, k]);
}
