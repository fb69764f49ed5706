// env: TZ=America/New_York
// Local time in a fixed zone (the runner sets TZ): New York is UTC-5 (EST) in winter and
// UTC-4 (EDT) from the second Sunday in March, 02:00, to the first Sunday in November,
// 02:00. Covers offsets and names, the skipped hour (resolved as in the earlier zone) and
// the repeated hour (the earlier instant), days of 23 and 25 hours, and years outside the
// 32-bit time_t range (the rules of an equivalent recent year).
void show(DateTime d) {
  print("$d ${d.timeZoneName} ${d.timeZoneOffset} ${d.toUtc()} ${d.weekday}");
}

void main() {
  show(DateTime(2024, 1, 15, 12));
  show(DateTime(2024, 7, 4, 12));
  show(DateTime.fromMillisecondsSinceEpoch(0));
  show(DateTime.utc(2024, 1, 2, 2).toLocal());
  show(DateTime.utc(2024, 7, 4, 16).toLocal());

  // 02:30 on 10 March 2024 does not exist: it reads as 02:30 EST, shown as 03:30 EDT.
  show(DateTime(2024, 3, 10, 2, 30));
  show(DateTime(2024, 3, 10, 1, 59));
  show(DateTime(2024, 3, 10, 3));
  // 01:30 on 3 November 2024 happens twice: the earlier one (EDT) is chosen.
  final repeated = DateTime(2024, 11, 3, 1, 30);
  show(repeated);
  show(repeated.add(const Duration(hours: 1)));
  show(DateTime(2024, 11, 3, 2, 30));

  print(DateTime(2024, 3, 11).difference(DateTime(2024, 3, 10)));
  print(DateTime(2024, 11, 4).difference(DateTime(2024, 11, 3)));
  print(DateTime(2024, 3, 10).add(const Duration(days: 1)));
  print(DateTime(2024, 3, 10).copyWith(day: 11));

  // Within the 32-bit range the zone's history applies; outside it, today's rules.
  show(DateTime(1950, 1, 1));
  show(DateTime(1950, 7, 1));
  show(DateTime(1800, 1, 1));
  show(DateTime(2100, 7, 1));
  show(DateTime(-3000, 7, 1));

  print(DateTime.parse("2024-07-04 12:00").isAtSameMomentAs(DateTime.utc(2024, 7, 4, 16)));
  print(DateTime.parse("2024-07-04T12:00:00-04:00") == DateTime.utc(2024, 7, 4, 16));
  print(DateTime.parse("2024-03-10T02:30"));
}
