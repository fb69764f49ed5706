var a = 0x;
var b = 1e;
var c = 1_;
var d = 1.5e+;
