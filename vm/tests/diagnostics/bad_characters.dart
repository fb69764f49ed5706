var å = 1;
var x = 1  2;
var y = 3`;
