void main() {
  var empty = [];
  var list = [1, 2, 3,];
  var typed = <int>[1, 2];
  var constList = const [1, 2];
  var typedConst = const <String>['a'];
  var set = {1, 2, 3};
  var map = {'a': 1, 'b': 2};
  var emptyMap = <String, int>{};
  var emptySetOrMap = {};
  var typedSet = <int>{};
  var constMap = const {'x': 1};
  var spread = [...list, ...?maybeList];
  var mapSpread = {...map, ...?maybeMap};
  var withIf = [if (cond) 1, if (cond) 2 else 3];
  var withFor = [for (var i = 0; i < 3; i++) i];
  var withForIn = [for (final x in list) x * 2];
  var nested = [for (var x in xs) if (x > 0) for (var y in ys) x * y];
  var mapFor = {for (var e in entries) e.key: e.value};
  var mapIf = {if (cond) 'a': 1 else 'b': 2};
  var ifCase = [if (json case {'name': String name}) name];
  var ifCaseGuard = [if (o case int n when n > 0) n else 0];
  var nullAware = [?maybe, 1, ?other];
  var nullAwareMap = {?key: value, k: ?v, ?a: ?b};
  var patternFor = [for (var (a, b) in pairs) a + b];
  var nestedColl = [[1, 2], {3: [4]}, <int>{}];
}
