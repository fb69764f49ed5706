void main() {}
/* open
 /* nested */
 still open
