// Local-time DateTimes, checked only through properties that hold in every time zone:
// fields round-trip through the constructor, the offset links the local and UTC views of
// an instant, conversions keep the instant, and parse without a zone gives local time.
void main() {
  final l = DateTime(2024, 1, 2, 3, 4, 5, 678, 9);
  print(l.isUtc);
  print([l.year, l.month, l.day, l.hour, l.minute, l.second, l.millisecond, l.microsecond]);
  print(l);
  print(l.toIso8601String());
  print(l.weekday);
  print(DateTime(2024, 13, 32, 25));

  // The wall clock reads UTC plus the offset.
  final u = l.toUtc();
  print(u.isUtc);
  print(u.isAtSameMomentAs(l));
  print(u.add(l.timeZoneOffset).toString() == "${l}Z");
  print(DateTime.utc(2024, 1, 2, 3, 4, 5, 678, 9).difference(l) == l.timeZoneOffset);
  print(l.timeZoneOffset.inMicroseconds % Duration.microsecondsPerMinute);
  print(l.timeZoneOffset.inHours.abs() <= 14);
  print(l.timeZoneName.isNotEmpty);
  print(u.timeZoneName);

  // toLocal and toUtc keep the instant; a local value is its own toLocal.
  print(identical(l.toLocal(), l));
  print(u.toLocal() == l);
  print(l == u);
  final epochLocal = DateTime.fromMillisecondsSinceEpoch(0);
  print([epochLocal.isUtc, epochLocal.millisecondsSinceEpoch, epochLocal.toUtc().year]);
  print(epochLocal.toUtc());

  // Parsing: no zone means local; a zone means UTC.
  final parsed = DateTime.parse("2024-01-02 03:04:05.678009");
  print([parsed.isUtc, parsed == l]);
  print(DateTime.parse(l.toString()) == l);
  print(DateTime.parse("2024-01-02 03:04:05.678009Z").isUtc);

  // Far years use an equivalent year's zone rules but keep their own fields.
  for (final y in [1, 1800, 2100, 100000, -5000]) {
    final far = DateTime(y, 6, 15, 12, 30);
    print([far.year, far.month, far.day, far.hour, far.minute, far.toUtc().isAtSameMomentAs(far)]);
  }

  print(l.copyWith(year: 2023).toString());
  print(l.copyWith(isUtc: true));
  print(l.add(const Duration(microseconds: 1)).difference(l));
}
