/// Doc comment on an unnamed library.
library;

import 'dart:math';

int x = 1;
