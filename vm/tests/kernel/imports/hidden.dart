import 'lib/shapes.dart' show Square;
import 'lib/util.dart' hide secret;

void main() {
  print(secret());
  print(Circle());
  print(twice(1));
}
