// late variables: lazy initializers run on first read (and only once),
// late final fields assigned after construction, and the
// LateInitializationError raised when reading an unassigned late variable.

int initCalls = 0;

int expensiveInit() {
  initCalls++;
  print('running initializer');
  return 42;
}

class Config {
  late final String name;
  late int retries = computeRetries();
  late String description;

  int computeRetries() {
    print('computing retries for $name');
    return name.length;
  }
}

late String globalGreeting = makeGreeting();

String makeGreeting() {
  print('making greeting');
  return 'hello';
}

void main() {
  late int value = expensiveInit();
  print('before first read, calls=$initCalls');
  print(value);
  print(value + 1);
  print('calls=$initCalls');

  var c = Config();
  c.name = 'server';
  print('config created');
  print(c.retries);
  print(c.retries);
  c.retries = 10;
  print(c.retries);

  try {
    print(c.description);
  } on Error catch (e) {
    print(e);
  }
  c.description = 'set later';
  print(c.description);

  try {
    c.name = 'again';
  } on Error catch (e) {
    print(e);
  }

  late String local;
  var decide = initCalls > 5;
  if (decide) {
    local = 'assigned';
  }
  try {
    print(local);
  } on Error catch (e) {
    print(e);
  }

  print('main started');
  print(globalGreeting);
  print(globalGreeting.length);
}
