// DateTime in UTC: fields, the proleptic Gregorian calendar, normalisation of
// out-of-range fields, arithmetic, comparisons, equality and hashCode, copyWith and the
// day/month constants. (Local time is in datetime_local.dart.)
void show(DateTime d) {
  print([d.year, d.month, d.day, d.hour, d.minute, d.second, d.millisecond, d.microsecond, d.weekday]);
}

void main() {
  final d = DateTime.utc(2024, 1, 2, 3, 4, 5, 678, 9);
  show(d);
  print(d.isUtc);
  print(d.microsecondsSinceEpoch);
  print(d.millisecondsSinceEpoch);

  // The epoch and days around it, including negative values.
  show(DateTime.fromMillisecondsSinceEpoch(0, isUtc: true));
  show(DateTime.fromMicrosecondsSinceEpoch(-1, isUtc: true));
  print(DateTime.fromMicrosecondsSinceEpoch(-1, isUtc: true).millisecondsSinceEpoch);
  print(DateTime.fromMicrosecondsSinceEpoch(-1001, isUtc: true).millisecondsSinceEpoch);
  print(DateTime.utc(1969, 12, 31).millisecondsSinceEpoch);

  // Leap years: every 4th, not every 100th, every 400th.
  print(DateTime.utc(2000, 2, 29));
  print(DateTime.utc(1900, 2, 29));
  print(DateTime.utc(2023, 2, 29));
  print(DateTime.utc(2024, 2, 29));
  print(DateTime.utc(2024, 3, 1).difference(DateTime.utc(2024, 2, 1)).inDays);
  print(DateTime.utc(2100, 3, 1).difference(DateTime.utc(2100, 2, 1)).inDays);
  print(DateTime.utc(2001).difference(DateTime.utc(2000)).inDays);

  // Out-of-range fields carry into larger ones, both ways.
  print(DateTime.utc(2024, 13, 32));
  print(DateTime.utc(2024, 0, 0));
  print(DateTime.utc(2024, -11));
  print(DateTime.utc(2024, 1, 1, 25, 61, 61, 1001, 1001));
  print(DateTime.utc(2024, 1, 1, -1));
  print(DateTime.utc(2024, 3, -365));
  print(DateTime.utc(2024, 25));

  // Far years and the ends of the range.
  print(DateTime.utc(1));
  print(DateTime.utc(0, 12, 31));
  print(DateTime.utc(-1, 1, 1).weekday);
  print(DateTime.fromMillisecondsSinceEpoch(8640000000000000, isUtc: true));
  print(DateTime.fromMillisecondsSinceEpoch(-8640000000000000, isUtc: true));
  show(DateTime.fromMillisecondsSinceEpoch(-8640000000000000, isUtc: true));

  // Weekdays of well-known dates.
  print(DateTime.utc(1969, 7, 20).weekday == DateTime.sunday);
  print(DateTime.utc(1989, 11, 9).weekday == DateTime.thursday);
  print(DateTime.utc(1970).weekday);
  print(DateTime.utc(2000).weekday);
  print(DateTime.utc(1600, 3, 1).weekday);

  // Arithmetic.
  final berlinWallFell = DateTime.utc(1989, DateTime.november, 9);
  final dDay = DateTime.utc(1944, DateTime.june, 6);
  print(berlinWallFell.difference(dDay).inDays);
  print(dDay.difference(berlinWallFell));
  print(d.add(const Duration(days: 60, hours: 22)));
  print(d.subtract(const Duration(microseconds: 10)));
  print(d.add(const Duration(days: -366)));

  // Comparisons ignore the zone; == and hashCode do not.
  final e = DateTime.utc(2024, 1, 2, 3, 4, 5, 678, 9);
  print([d == e, identical(d, e), d.hashCode == e.hashCode]);
  print(d == d.toLocal());
  print(d.isAtSameMomentAs(d.toLocal()));
  print(d.toLocal().toUtc() == d);
  print(identical(d.toUtc(), d));
  print([d.isBefore(d.add(const Duration(microseconds: 1))), d.isAfter(d), d.isBefore(d)]);
  print([d.compareTo(e), d.compareTo(DateTime.utc(2025)), DateTime.utc(2025).compareTo(d)]);
  final sorted = [DateTime.utc(2001), DateTime.utc(1999), DateTime.utc(2000)]..sort();
  print(sorted);
  print(DateTime.fromMillisecondsSinceEpoch(603176900009, isUtc: true).hashCode);
  print(DateTime.fromMicrosecondsSinceEpoch(-5, isUtc: true).hashCode);
  print({DateTime.utc(2020): 'a'}[DateTime.utc(2020)]);
  print(d.timeZoneName);
  print(d.timeZoneOffset);

  // copyWith keeps what is not given and normalises what is.
  print(d.copyWith(year: 1999, day: 31));
  print(d.copyWith(month: 14, microsecond: 0));
  print(d.copyWith(isUtc: false).isUtc);
  print(DateTime.utc(2024, 1, 31).copyWith(month: 2));

  print([DateTime.monday, DateTime.tuesday, DateTime.wednesday, DateTime.thursday,
      DateTime.friday, DateTime.saturday, DateTime.sunday, DateTime.daysPerWeek]);
  print([DateTime.january, DateTime.february, DateTime.march, DateTime.april, DateTime.may,
      DateTime.june, DateTime.july, DateTime.august, DateTime.september, DateTime.october,
      DateTime.november, DateTime.december, DateTime.monthsPerYear]);

  // now and timestamp are close to each other and in their zones.
  final now = DateTime.now();
  final stamp = DateTime.timestamp();
  print([now.isUtc, stamp.isUtc, stamp.difference(now).inSeconds.abs() < 60, now.year >= 2024]);
}
