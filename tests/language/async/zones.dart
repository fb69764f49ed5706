// gc-stress
// Zones: values, callbacks run in the zone they were scheduled in, runZonedGuarded
// catching synchronous and asynchronous errors, custom ZoneSpecification handlers, and
// errors not crossing error-zone boundaries.
//
// SDK code relied on (dart-lang/sdk, sdk/lib/async/zone.dart): `runZoned` forks
// `Zone.current` and runs the body in the fork; `runZonedGuarded` adds a
// `handleUncaughtError` that calls `onError` in the *parent* zone and also catches
// synchronous errors of the body (returning null); `Zone.operator[]` looks up the zone's
// own values, then its parent's. schedule_microtask.dart / timer.dart: callbacks are bound
// to the current zone (`bindCallbackGuarded` in error zones). future_impl.dart:
// `_Future._zone` is the zone the future was made in; a future with an error and no
// listener reports it to that zone's `handleUncaughtError`; `_propagateToListeners` hands
// an error to the source's zone instead of a listener in another error zone.
import 'dart:async';

String zoneName() => identical(Zone.current, Zone.root) ? 'root' : '${Zone.current[#name]}';

void main() {
  print(identical(Zone.current, Zone.root));
  runZoned(() {
    print(Zone.current[#key]);
    print(identical(Zone.current, Zone.root));
    scheduleMicrotask(() => print('micro in zone: ${Zone.current[#key]}'));
    Future.value(1).then((v) => print('then in zone: ${Zone.current[#key]} $v'));
    Timer.run(() => print('timer in zone: ${Zone.current[#key]}'));
    runZoned(() {
      print('nested ${Zone.current[#key]} ${Zone.current[#other]}');
    }, zoneValues: {#other: 'o'});
  }, zoneValues: {#key: 'value'});
  print('after: ${Zone.current[#key]}');

  runZonedGuarded(() {
    Future.error('async boom');
    Timer.run(() => throw StateError('timer boom'));
    scheduleMicrotask(() => throw 'micro boom');
    throw 'sync boom';
  }, (e, s) {
    print('guarded caught: $e in ${zoneName()}');
  });
  final r = runZonedGuarded(() => 42, (e, s) {});
  print(r);

  runZonedGuarded(() async {
    await Future.delayed(Duration(milliseconds: 1));
    print('resumed in ${zoneName()}');
    throw 'after await';
  }, (e, s) => print('caught $e in ${zoneName()}'), zoneValues: {#name: 'guarded'});

  // A custom specification: count scheduled microtasks and runs.
  var scheduled = 0;
  var runs = 0;
  final counting = Zone.current.fork(
      specification: ZoneSpecification(
          scheduleMicrotask: (self, parent, zone, f) {
            scheduled++;
            parent.scheduleMicrotask(zone, f);
          },
          run: <R>(Zone self, ZoneDelegate parent, Zone zone, R Function() f) {
            runs++;
            return parent.run(zone, f);
          }),
      zoneValues: {#name: 'counting'});
  counting.run(() {
    scheduleMicrotask(() => print('counted microtask in ${zoneName()}'));
    Future.microtask(() => 7).then((v) => print('microtask value $v'));
  });
  Timer(const Duration(milliseconds: 5), () {
    print('scheduled $scheduled, runs > 0: ${runs > 0}');
  });

  // Errors do not cross into another error zone: the listener's zone never sees it.
  late Future<int> failing;
  runZonedGuarded(() {
    failing = Future<int>.error('from zone A');
  }, (e, s) => print('zone A handled: $e'));
  runZonedGuarded(() {
    failing.catchError((Object e) {
      print('zone B catchError (never)');
      return 0;
    });
  }, (e, s) => print('zone B handled: $e'));

  // handleUncaughtError given directly, and a handler that rethrows to its parent.
  runZonedGuarded(() {
    runZonedGuarded(() {
      scheduleMicrotask(() => throw 'inner');
    }, (e, s) => throw 'rethrown $e');
  }, (e, s) => print('outer got: $e'));

  // bindCallback keeps the zone when called from elsewhere.
  final bound = runZoned(() => Zone.current.bindCallback(() => zoneName()),
      zoneValues: {#name: 'bound'});
  print('bound callback runs in ${bound()}');
  print('Zone.root[#name]: ${Zone.root[#name]}');
  print('end of main in ${zoneName()}');
}
