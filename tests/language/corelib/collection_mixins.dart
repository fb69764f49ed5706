// IterableMixin, IterableBase, SetBase/SetMixin from dart:collection; core Set.retainAll
// and typed Set iterators.
import 'dart:collection';

class Range with IterableMixin<int> {
  final int from, to;
  Range(this.from, this.to);
  Iterator<int> get iterator => _RangeIterator(from, to);
}

class _RangeIterator implements Iterator<int> {
  int _next;
  final int _to;
  int _current = 0;
  _RangeIterator(this._next, this._to);
  int get current => _current;
  bool moveNext() {
    if (_next >= _to) return false;
    _current = _next++;
    return true;
  }
}

class Evens extends IterableBase<int> {
  Iterator<int> get iterator => [0, 2, 4].iterator;
}

/// A set of strings compared case-insensitively, on SetBase.
class CaseInsensitiveSet extends SetBase<String> {
  final Map<String, String> _byLower = {};
  bool add(String value) {
    final key = value.toLowerCase();
    if (_byLower.containsKey(key)) return false;
    _byLower[key] = value;
    return true;
  }
  bool contains(Object? element) => element is String && _byLower.containsKey(element.toLowerCase());
  String? lookup(Object? element) => element is String ? _byLower[element.toLowerCase()] : null;
  bool remove(Object? value) => value is String && _byLower.remove(value.toLowerCase()) != null;
  Iterator<String> get iterator => _byLower.values.iterator;
  int get length => _byLower.length;
  Set<String> toSet() => CaseInsensitiveSet()..addAll(this);
}

class Tags with SetMixin<String> {
  final _inner = <String>{};
  bool add(String v) => _inner.add(v);
  bool contains(Object? e) => _inner.contains(e);
  String? lookup(Object? e) => _inner.lookup(e);
  bool remove(Object? v) => _inner.remove(v);
  Iterator<String> get iterator => _inner.iterator;
  int get length => _inner.length;
  Set<String> toSet() => Tags()..addAll(this);
}

void main() {
  final r = Range(1, 6);
  print(r);
  print(r.length);
  print(r.map((x) => x * x).toList());
  print(r.where((x) => x.isOdd).join(','));
  print('${r.first} ${r.last} ${r.contains(3)} ${r.isEmpty} ${Range(2, 2).isEmpty}');
  print(r.fold<int>(0, (a, b) => a + b));
  print(r.skip(2).take(2).toList());
  print(r.elementAt(4));
  try { Range(0, 2).single; } on StateError catch (e) { print(e); }
  print(r is Iterable<int>);
  print(Evens().toList());
  print(Evens());

  final s = CaseInsensitiveSet()..addAll(['Apple', 'banana', 'APPLE', 'Cherry']);
  print(s);
  print(s.length);
  print(s.contains('BANANA'));
  print(s.lookup('cherry'));
  print(s.union({'date', 'apple'}));
  print(s.intersection({'APPLE', 'x'}));
  print(s.difference({'banana'}));
  s.removeWhere((e) => e.startsWith('C'));
  print(s);
  s.retainAll(['apple']);
  print(s);
  print(s.containsAll(['APPLE']));
  s.clear();
  print('${s.isEmpty} $s');

  final t = Tags()..add('a')..add('b')..add('a');
  print(t);
  print(t.map((e) => e.toUpperCase()).toList());
  print(SetBase.setToString({1, 2}));
  final plain = {1, 2, 3, 4}..retainAll([2, 4, 6]);
  print(plain);
  print(<String>{'a'}.iterator is Iterator<String>);
  print({1: 'x'}.values.iterator is Iterator<String>);
}
