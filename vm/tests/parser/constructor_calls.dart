void main() {
  var a = new Foo();
  var b = new Foo.named(1);
  var c = new Foo<int>(1);
  var d = new Foo<int>.named(1);
  var e = new prefix.Foo();
  var f = new prefix.Foo<int>.named();
  var g = const Foo();
  var h = const Foo<String>.named('x');
  var i = Foo();
  var j = Foo.named(1);
  var k = Foo<int>(1);
  var l = Foo<int>.named(1);
  var m = prefix.Foo(1);
  var n = prefix.Foo<int>.named(1);
  var o = Foo.new;
  var p = Foo<int>.new;
  var q = Foo.named;
  var r = List<int>.filled(3, 0);
  var s = Map<String, List<int>>.from({});
  var t = const [Foo(), Foo.named(1)];
  var u = Foo.new();
  var v = const prefix.Foo<int>.named(1);
  var w = obj.method<int>(1);
  var x = obj.generic<int, String>;
  var y = f<int>(1)<String>(2);
}
