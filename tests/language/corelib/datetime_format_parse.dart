// DateTime.toString and toIso8601String (years below 0 and above 9999, microseconds only
// when non-zero, Z for UTC) and DateTime.parse/tryParse over the formats the VM accepts:
// separators, fractions, zone offsets, overflowing fields, and the FormatExceptions.
void parse(String s) {
  try {
    final d = DateTime.parse(s);
    print("$s -> $d ${d.isUtc}");
  } on FormatException catch (e) {
    print("$s -> ${e.message} / ${e.source}");
  }
}

void main() {
  final d = DateTime.utc(2024, 1, 2, 3, 4, 5, 678);
  print(d);
  print(d.toIso8601String());
  print(DateTime.utc(2024, 1, 2, 3, 4, 5, 678, 9));
  print(DateTime.utc(2024, 1, 2, 3, 4, 5, 678, 9).toIso8601String());
  print(DateTime.utc(2024, 1, 2, 3, 4, 5, 0, 90).toIso8601String());
  print(DateTime(2024, 1, 2, 3, 4, 5, 678).toString());
  print(DateTime(2024, 1, 2, 3, 4, 5, 678).toIso8601String());
  for (final y in [0, 7, 42, 999, 9999, 10000, 123456, -1, -42, -9999, -10000, -271821]) {
    final u = DateTime.utc(y, 6, 7, 8, 9, 10, 11);
    print("$u ${u.toIso8601String()}");
  }

  // Each output format parses back to the same DateTime.
  for (final v in [d, DateTime.utc(-12345, 1, 1, 0, 0, 0, 0, 1), DateTime(1999, 12, 31, 23, 59, 59, 999, 999)]) {
    print([DateTime.parse(v.toString()) == v, DateTime.parse(v.toIso8601String()) == v]);
  }

  parse("2012-02-27");
  parse("2012-02-27 13:27:00");
  parse("2012-02-27 13:27:00.123456789z");
  parse("2012-02-27 13:27:00,123456789z");
  parse("20120227 13:27:00");
  parse("20120227T132700");
  parse("20120227");
  parse("+20120227");
  parse("2012-02-27T14Z");
  parse("2012-02-27T14+00:00");
  parse("-123450101 00:00:00 Z");
  parse("2002-02-27T14:00:00-0500");
  parse("2002-02-27T14:00:00+01:30");
  parse("2002-02-27T14:00:00 -10");
  parse("2002-02-27T14:00:00.5Z");
  parse("2002-02-27T14:00:00.0005Z");
  parse("2002-02-27T14:00:00.9999999Z");
  parse("2020-01-42");
  parse("2020-13-01T24:60:60Z");
  parse("002020-01-01Z");
  parse("-0004-12-24");
  parse("81030-04-01T00:00Z");
  parse("2012-02-27T13:27");
  parse("2012-02-27 1327Z");

  parse("");
  parse("just text");
  parse("2000");
  parse("2000-01");
  parse("95-01-01");
  parse("2001-1-01");
  parse("2001-01-01 0:00");
  parse("2001-01-01 00:00:00.");
  parse("2001-01-01T00:00:00+1");
  parse("2001-01-01T00:00:00 +01 ");
  parse("2001/01/01");
  parse("1234567-01-01");
  parse("2012-02-27t14:00Z");
  parse("+275760-09-13T00:00:00Z");
  parse("+275760-09-13T00:00:00.001Z");
  parse("-271821-04-19T23:59:59.999Z");

  print(DateTime.tryParse("2024-05-06T07:08:09Z"));
  print(DateTime.tryParse("2024-05-06X"));
  try {
    DateTime.parse("nope");
  } catch (e) {
    print(e);
  }
}
