// A type alias of a class, enum or mixin-applied class names its static members and
// constructors, as the class itself does.

class Config {
  static int loads = 0;
  static const defaultName = 'app';
  static Config load() {
    loads++;
    return Config.named(defaultName);
  }

  final String name;
  Config.named(this.name);
  factory Config.fromEnv() => Config.named('env');
  @override
  String toString() => 'Config($name)';
}

enum Level { low, high }

typedef Settings = Config;
typedef Severity = Level;

void main() {
  print(Settings.load());
  print(Settings.loads);
  Settings.loads = 10;
  print(Config.loads);
  print(Settings.defaultName);
  print(Settings.named('x'));
  print(Settings.fromEnv());
  final make = Settings.named;
  print(make('torn'));
  print(Severity.high);
  print(Severity.values);
  Severity s = Level.low;
  print(s == Severity.low);
}
