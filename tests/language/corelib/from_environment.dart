// bool/int/String.fromEnvironment and bool.hasEnvironment: dartrs takes no -D
// definitions, so every lookup gives its default, in constant and non-constant calls.
const bool flag = bool.fromEnvironment('dart.tool.dart2js');
const bool flagOn = const bool.fromEnvironment('x', defaultValue: true);
const int number = int.fromEnvironment('n', defaultValue: 7);
const int zero = int.fromEnvironment('n');
const String text = String.fromEnvironment('s');
const String named = String.fromEnvironment('s', defaultValue: 'dflt');
const bool either = flag || bool.fromEnvironment('y');

void main() {
  print([flag, flagOn, number, zero, text.isEmpty, named, either]);
  print(const bool.hasEnvironment('anything'));
  print(bool.fromEnvironment('k', defaultValue: true));
  print(int.fromEnvironment('k', defaultValue: -1));
  print(identical(named, 'dflt'));
  print(String.fromCharCode(0x41));
  print(new String.fromCharCodes([65, 66, 67, 68], 1, 3));
  print(String.fromCharCodes([104, 105]));
}
