var a = '\x4';
var b = '\u{110000}';
var c = '\uZZ';
var d = '$';
var e = 'cost: $ 5';
