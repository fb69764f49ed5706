// Line comment.
/* Block comment. */
/* Nested /* block /* comments */ */ work. */
/// Doc comment.
/**
 * Old-style doc comment.
 */
class /* inline */ Commented /* here */ {
  // Comment in body.
  int x = 1; // trailing
  /* before */ void m() /* between */ {} /* after */
}
int y = 1 /* in expression */ + 2;
String s = 'not // a comment';
String t = '/* not a comment */';
// Comment at the very end without newline