void main() {
  var a = 'single';
  var b = "double";
  var c = 'it\'s';
  var d = "say \"hi\"";
  var e = 'escapes: \n \r \t \b \f \v \x41 \u0041 \u{1F600} \$ \\ \' \"';
  var f = r'raw \n $notInterpolated';
  var g = r"raw double \t";
  var h = '''
multi-line
  string''';
  var i = """
double multi
line""";
  var j = r'''raw
multi $x''';
  var k = 'Hello $name!';
  var l = 'Sum: ${a + b}';
  var m = 'Nested: ${'inner ${"deep ${x}"}'}';
  var n = 'adjacent ' 'strings ' "concatenated";
  var o = 'multi' 'line'
      'adjacent';
  var p = '$this and ${this.x}';
  var q = '${{'a': 1}['a']}';
  var r = '$a$b${c}d';
  var s = '''triple with ${interp} and 'quotes' ''';
  var t = '';
  var u = 'dollar at end \$';
  var v = '${() => 'closure in interp'}';
  var w = '''   
first line dropped''';
  var x = 'mixed ' r'raw $x ' "${y}";
  var y = 'unicode: é ☃ 😀';
}
