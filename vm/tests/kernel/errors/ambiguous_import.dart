import 'amb/a.dart';
import 'amb/b.dart';

void main() {
  print(shared());
}
