Future<void> main() async {
  print([await for (final x in Stream.value(1)) x]);
}
