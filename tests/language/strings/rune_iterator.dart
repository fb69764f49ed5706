// RuneIterator: currentAsString, rawIndex and currentSize around surrogate pairs.
void main() {
  final it = 'a😀b'.runes.iterator;
  print('[${it.currentAsString}] ${it.rawIndex} ${it.currentSize}');
  while (it.moveNext()) {
    print('${it.currentAsString} ${it.rawIndex} ${it.currentSize} ${it.current}');
  }
  print('[${it.currentAsString}] ${it.rawIndex}');
}
