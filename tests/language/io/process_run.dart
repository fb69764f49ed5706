// Child processes: Process.run and runSync (exit codes, output as strings, shell,
// environment, working directory), start with streamed output and stdin, kill, and the
// ProcessException of a missing executable.
import 'dart:io';

Future<void> main() async {
  final echo = await Process.run('echo', ['hello', 'world']);
  print('${echo.exitCode} [${echo.stdout}] [${echo.stderr}]');
  final failing = await Process.run('sh', ['-c', 'echo oops >&2; exit 3']);
  print('${failing.exitCode} [${failing.stdout}] [${failing.stderr}]');
  final shell = await Process.run('echo', ["it's", r'$HOME', 'a  b'], runInShell: true);
  print(shell.stdout);
  final builtin = await Process.run('type', ['cd'], runInShell: true);
  print(builtin.stdout);
  final env = await Process.run('sh', ['-c', r'echo $GREETING'],
      environment: {'GREETING': 'from the environment'});
  print(env.stdout);
  final bare = await Process.run('sh', ['-c', 'echo "[\$HOME]"'],
      environment: {'X': '1'}, includeParentEnvironment: false);
  print(bare.stdout);
  final pwd = Process.runSync('pwd', [], workingDirectory: '/');
  print('${pwd.exitCode} ${pwd.stdout}');
  try {
    await Process.run('/no/such/executable', ['a', 'b']);
  } on ProcessException catch (e) {
    print(e);
    print(e.errorCode);
  }

  final cat = await Process.start('cat', []);
  cat.stdin.writeln('line one');
  cat.stdin.write('line two\n');
  await cat.stdin.close();
  final out = <int>[];
  await for (final chunk in cat.stdout) {
    out.addAll(chunk);
  }
  print(String.fromCharCodes(out));
  print(await cat.exitCode);

  final both = await Process.start('sh', ['-c', 'echo out; echo err >&2; exit 7']);
  final err = both.stderr.fold<int>(0, (n, c) => n + c.length);
  final lines = await both.stdout.map(String.fromCharCodes).join();
  print(lines.trim());
  print(await err);
  print(await both.exitCode);

  final sleeper = await Process.start('sleep', ['30']);
  print(sleeper.kill());
  print(await sleeper.exitCode);
  print(sleeper.kill());

  print('before the inheriting child');
  final inheriting =
      await Process.start('echo', ['from the child'], mode: ProcessStartMode.inheritStdio);
  print(await inheriting.exitCode);
  try {
    inheriting.stdout;
  } on StateError catch (e) {
    print(e.message);
  }
  final detached = await Process.start('true', [], mode: ProcessStartMode.detached);
  print(detached.pid > 0);
  try {
    detached.exitCode;
  } on StateError catch (e) {
    print(e.message);
  }
  final withStdio =
      await Process.start('echo', ['detached output'], mode: ProcessStartMode.detachedWithStdio);
  print(await withStdio.stdout.map(String.fromCharCodes).join());
  print(ProcessInfo.currentRss > 0 && ProcessInfo.maxRss >= ProcessInfo.currentRss ~/ 2);
  print(pid > 0);
}
