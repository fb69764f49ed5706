@TestOn('vm')
library my.library.name;

import 'dart:async';
import 'dart:io' as io show File, Directory hide Platform;
import 'package:foo/foo.dart' deferred as foo;
import 'src/stub.dart'
    if (dart.library.io) 'src/io.dart'
    if (dart.library.html) 'src/web.dart'
    if (flavor == 'prod') 'src/prod.dart';
import "double_quoted.dart" hide a, b show c;
export 'src/api.dart' show Api, ApiError;
export 'src/conf.dart' if (dart.library.js_interop) 'src/conf_web.dart';
part 'src/part_one.dart';
part "src/part_two.dart";

void main() {}
