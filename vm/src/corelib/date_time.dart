// dart:core's DateTime for dartrs: an instant (microseconds since 1970-01-01T00:00:00Z)
// viewed either in UTC or in the OS's local time zone.
//
// The calendar is the proleptic Gregorian one, computed here in Dart with day-count
// arithmetic on 400-year eras. Only the local zone comes from the OS: its offset and
// abbreviation at an instant (natives `DateTime_localOffsetSeconds`,
// `DateTime_localZoneName`, backed by `localtime_r`). As in the Dart VM, instants outside the
// 32-bit `time_t` range ask about an equivalent year (same leap-ness, same weekday of
// 1 January) in 2008..2035, and a local wall-clock time that a zone change skips or repeats
// resolves the way the VM resolves it (see `_wallClockOffset`).

part of dart.core;

class DateTime implements Comparable<DateTime> {
  static const int monday = 1;
  static const int tuesday = 2;
  static const int wednesday = 3;
  static const int thursday = 4;
  static const int friday = 5;
  static const int saturday = 6;
  static const int sunday = 7;
  static const int daysPerWeek = 7;

  static const int january = 1;
  static const int february = 2;
  static const int march = 3;
  static const int april = 4;
  static const int may = 5;
  static const int june = 6;
  static const int july = 7;
  static const int august = 8;
  static const int september = 9;
  static const int october = 10;
  static const int november = 11;
  static const int december = 12;
  static const int monthsPerYear = 12;

  /// 100,000,000 days: the furthest a DateTime may be from the epoch, either way.
  static const int _maxMillisecondsSinceEpoch = 8640000000000000;
  static const int _maxMicrosecondsSinceEpoch = 8640000000000000000;

  /// Days from 0000-03-01 to 1970-01-01; eras of 400 years start on 1 March.
  static const int _daysFromEraZeroToEpoch = 719468;
  static const int _daysPerEra = 146097;

  /// The instant, in microseconds since the epoch.
  final int _value;

  final bool isUtc;

  /// The calendar fields in this DateTime's zone, computed on first use; indexed by the
  /// `_year`... constants below.
  List<int>? _fieldsCache;

  static const int _year = 0;
  static const int _month = 1;
  static const int _day = 2;
  static const int _hour = 3;
  static const int _minute = 4;
  static const int _second = 5;
  static const int _millisecond = 6;
  static const int _microsecond = 7;
  static const int _weekday = 8;

  DateTime(int year,
      [int month = 1,
      int day = 1,
      int hour = 0,
      int minute = 0,
      int second = 0,
      int millisecond = 0,
      int microsecond = 0])
      : this._unchecked(
            _valueOfFields(year, month, day, hour, minute, second, millisecond, microsecond, false),
            false);

  DateTime.utc(int year,
      [int month = 1,
      int day = 1,
      int hour = 0,
      int minute = 0,
      int second = 0,
      int millisecond = 0,
      int microsecond = 0])
      : this._unchecked(
            _valueOfFields(year, month, day, hour, minute, second, millisecond, microsecond, true),
            true);

  DateTime.now() : this._unchecked(_nowMicros(), false);

  DateTime.timestamp() : this._unchecked(_nowMicros(), true);

  DateTime.fromMillisecondsSinceEpoch(int millisecondsSinceEpoch, {bool isUtc = false})
      : this._checked(
            RangeError.checkValueInInterval(millisecondsSinceEpoch, -_maxMillisecondsSinceEpoch,
                    _maxMillisecondsSinceEpoch, "millisecondsSinceEpoch") *
                Duration.microsecondsPerMillisecond,
            isUtc);

  DateTime.fromMicrosecondsSinceEpoch(int microsecondsSinceEpoch, {bool isUtc = false})
      : this._checked(microsecondsSinceEpoch, isUtc);

  /// A DateTime whose [_value] is known to be in range.
  DateTime._unchecked(this._value, this.isUtc);

  DateTime._checked(int value, this.isUtc) : _value = _checkValue(value);

  @pragma('vm:external-name', 'DateTime_nowMicros')
  external static int _nowMicros();

  @pragma('vm:external-name', 'DateTime_localOffsetSeconds')
  external static int _localOffsetForSeconds(int secondsSinceEpoch);

  @pragma('vm:external-name', 'DateTime_localZoneName')
  external static String _localZoneNameForSeconds(int secondsSinceEpoch);

  /// [value] if it is a valid instant; the VM's errors otherwise.
  static int _checkValue(int value) {
    final millis = _floorDiv(value, Duration.microsecondsPerMillisecond);
    if (millis < -_maxMillisecondsSinceEpoch || millis > _maxMillisecondsSinceEpoch) {
      throw RangeError.range(millis, -_maxMillisecondsSinceEpoch, _maxMillisecondsSinceEpoch,
          "millisecondsSinceEpoch");
    }
    final micros = value % Duration.microsecondsPerMillisecond;
    if (millis == _maxMillisecondsSinceEpoch && micros != 0) {
      throw ArgumentError.value(
          micros, "microsecond", "Time including microseconds is outside valid range");
    }
    return value;
  }

  /// The instant of the given fields, or the VM's `ArgumentError` listing them.
  static int _valueOfFields(int year, int month, int day, int hour, int minute, int second,
      int millisecond, int microsecond, bool isUtc) {
    final value =
        _fieldsToValue(year, month, day, hour, minute, second, millisecond, microsecond, isUtc);
    if (value == null) {
      throw ArgumentError(
          "($year, $month, $day, $hour, $minute, $second, $millisecond, $microsecond)");
    }
    return value;
  }

  /// The instant the fields name in UTC or local time, or null if it is out of range.
  /// Fields outside their usual range carry into the larger ones (month 13 is January of
  /// the next year, day 0 the last day of the previous month, and so on).
  static int? _fieldsToValue(int year, int month, int day, int hour, int minute, int second,
      int millisecond, int microsecond, bool isUtc) {
    final monthIndex = month - 1;
    final days = _daysFromCivil(year + _floorDiv(monthIndex, 12), monthIndex % 12 + 1, 1) + day - 1;
    var micros = days * Duration.microsecondsPerDay +
        hour * Duration.microsecondsPerHour +
        minute * Duration.microsecondsPerMinute +
        second * Duration.microsecondsPerSecond +
        millisecond * Duration.microsecondsPerMillisecond +
        microsecond;
    if (!isUtc) {
      // A zone's offset is less than a day, so a wall time further out than that can not
      // come back into range; this also keeps absurd values away from the OS.
      if (micros.abs() > _maxMicrosecondsSinceEpoch + Duration.microsecondsPerDay) return null;
      micros -= _wallClockOffset(micros);
    }
    if (micros.abs() > _maxMicrosecondsSinceEpoch) return null;
    return micros;
  }

  static int _floorDiv(int a, int b) => (a - a % b) ~/ b;

  static bool _isLeapYear(int year) => year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);

  /// Days since 1970-01-01 of the date [year]-[month]-[day] (month 1..12, day 1..31).
  static int _daysFromCivil(int year, int month, int day) {
    // Count years from 1 March, so that the leap day ends a year.
    final marchYear = month <= 2 ? year - 1 : year;
    final era = _floorDiv(marchYear, 400);
    final yearOfEra = marchYear - era * 400;
    final monthFromMarch = month > 2 ? month - 3 : month + 9;
    final dayOfYear = (153 * monthFromMarch + 2) ~/ 5 + day - 1;
    final dayOfEra = yearOfEra * 365 + yearOfEra ~/ 4 - yearOfEra ~/ 100 + dayOfYear;
    return era * _daysPerEra + dayOfEra - _daysFromEraZeroToEpoch;
  }

  /// The calendar fields of [micros] since the epoch, read as UTC.
  static List<int> _computeFields(int micros) {
    final days = _floorDiv(micros, Duration.microsecondsPerDay);
    final timeOfDay = micros - days * Duration.microsecondsPerDay;
    final fromEraZero = days + _daysFromEraZeroToEpoch;
    final era = _floorDiv(fromEraZero, _daysPerEra);
    final dayOfEra = fromEraZero - era * _daysPerEra;
    final yearOfEra =
        (dayOfEra - dayOfEra ~/ 1460 + dayOfEra ~/ 36524 - dayOfEra ~/ (_daysPerEra - 1)) ~/ 365;
    final dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra ~/ 4 - yearOfEra ~/ 100);
    final monthFromMarch = (5 * dayOfYear + 2) ~/ 153;
    final month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
    final fields = List<int>.filled(9, 0);
    fields[_year] = era * 400 + yearOfEra + (month <= 2 ? 1 : 0);
    fields[_month] = month;
    fields[_day] = dayOfYear - (153 * monthFromMarch + 2) ~/ 5 + 1;
    fields[_hour] = timeOfDay ~/ Duration.microsecondsPerHour;
    fields[_minute] = timeOfDay ~/ Duration.microsecondsPerMinute % 60;
    fields[_second] = timeOfDay ~/ Duration.microsecondsPerSecond % 60;
    fields[_millisecond] = timeOfDay ~/ Duration.microsecondsPerMillisecond % 1000;
    fields[_microsecond] = timeOfDay % 1000;
    // 1970-01-01 was a Thursday; ISO weeks run Monday (1) to Sunday (7).
    fields[_weekday] = (days + thursday - monday) % daysPerWeek + monday;
    return fields;
  }

  /// Seconds since the epoch of an instant the OS can describe: [micros] itself if it is
  /// within the 32-bit `time_t` range, else the same moment of the year in an equivalent
  /// year of 2008..2035 (as the VM picks it), so daylight saving rules still apply.
  static int _clampedSeconds(int micros) {
    final seconds = _floorDiv(micros, Duration.microsecondsPerSecond);
    if (seconds.abs() <= 0x7FFFFFFF) return seconds;
    final year = _computeFields(seconds * Duration.microsecondsPerSecond)[_year];
    final startOfYear = _daysFromCivil(year, 1, 1);
    // Weekday of 1 January with Sunday as 0; 1956 and 1967 both began on a Sunday, and
    // twelve years later a year starts one weekday later; the calendar repeats every 28
    // years near 2008.
    final weekdayOfJanuaryFirst = (startOfYear + 4) % 7;
    final similar = (_isLeapYear(year) ? 1956 : 1967) + weekdayOfJanuaryFirst * 12;
    final equivalentYear = 2008 + (similar - 2008) % 28;
    final shiftDays = _daysFromCivil(equivalentYear, 1, 1) - startOfYear;
    return seconds + shiftDays * Duration.secondsPerDay;
  }

  /// The local zone's offset from UTC at the instant [micros], in microseconds.
  static int _localOffsetAt(int micros) =>
      _localOffsetForSeconds(_clampedSeconds(micros)) * Duration.microsecondsPerSecond;

  /// The offset to subtract from [wallMicros] (a local wall-clock time written as if it
  /// were UTC) to get the instant at which local clocks show it. When clocks go back and
  /// the time happens twice, the earlier instant wins; when they jump forward over it, the
  /// result is the instant the time would have had in the zone before the jump. This is
  /// the VM's search, which assumes zone changes of at most two hours.
  static int _wallClockOffset(int wallMicros) {
    var offset = _localOffsetAt(wallMicros);
    if (offset != 0) {
      final retried = _localOffsetAt(wallMicros - offset);
      if (retried != offset) {
        // Two zones within a day of each other: a solution in the second, or none (a gap),
        // then the smaller offset (the later instant).
        final third = _localOffsetAt(wallMicros - retried);
        return retried <= third ? retried : third;
      }
    }
    // An earlier zone with a larger offset may show the same wall time first.
    final twoHours = 2 * Duration.microsecondsPerHour;
    final earlier = _localOffsetAt(wallMicros - offset - twoHours);
    if (earlier > offset &&
        (earlier == offset + twoHours || _localOffsetAt(wallMicros - earlier) == earlier)) {
      return earlier;
    }
    return offset;
  }

  /// The microseconds since the epoch of this DateTime's wall-clock reading, taken as UTC.
  int get _wallMicros => isUtc ? _value : _value + _localOffsetAt(_value);

  List<int> get _fields => _fieldsCache ??= _computeFields(_wallMicros);

  static DateTime parse(String formattedString) {
    final match = _parseFormat.firstMatch(formattedString);
    if (match == null) throw FormatException("Invalid date format", formattedString);
    int orZero(String? digits) => digits == null ? 0 : int.parse(digits);
    final year = int.parse(match[1]!);
    final month = int.parse(match[2]!);
    final day = int.parse(match[3]!);
    final hour = orZero(match[4]);
    var minute = orZero(match[5]);
    final second = orZero(match[6]);
    final fraction = _fractionInMicroseconds(match[7]);
    var isUtc = false;
    if (match[8] != null) {
      isUtc = true;
      final sign = match[9];
      if (sign != null) {
        // A numeric offset: convert to UTC by moving the minutes.
        final zoneMinutes = int.parse(match[10]!) * Duration.minutesPerHour + orZero(match[11]);
        minute -= sign == "-" ? -zoneMinutes : zoneMinutes;
      }
    }
    final value = _fieldsToValue(year, month, day, hour, minute, second,
        fraction ~/ Duration.microsecondsPerMillisecond, fraction % 1000, isUtc);
    if (value == null) throw FormatException("Time out of range", formattedString);
    return DateTime._checked(value, isUtc);
  }

  static DateTime? tryParse(String formattedString) {
    try {
      return parse(formattedString);
    } on FormatException {
      return null;
    }
  }

  /// Microseconds of a second fraction's digits; digits beyond the sixth are ignored.
  static int _fractionInMicroseconds(String? digits) {
    if (digits == null) return 0;
    var micros = 0;
    for (var i = 0; i < 6; i++) {
      micros = micros * 10 + (i < digits.length ? digits.codeUnitAt(i) - 0x30 : 0);
    }
    return micros;
  }

  /// The subset of ISO 8601 (and RFC 3339) that `parse` accepts: a signed 4-6 digit year,
  /// month and day with optional `-`; an optional time after `T` or a space (hours, then
  /// optional minutes and seconds with optional `:`, then a `.` or `,` fraction); an
  /// optional zone, `Z`/`z` or a signed hour offset with optional minutes.
  static final RegExp _parseFormat = RegExp(r'^([+-]?\d{4,6})-?(\d\d)-?(\d\d)'
      r'(?:[ T](\d\d)(?::?(\d\d)(?::?(\d\d)(?:[.,](\d+))?)?)?'
      r'( ?[zZ]| ?([-+])(\d\d)(?::?(\d\d))?)?)?$');

  int get microsecondsSinceEpoch => _value;
  int get millisecondsSinceEpoch => _floorDiv(_value, Duration.microsecondsPerMillisecond);

  int get year => _fields[_year];
  int get month => _fields[_month];
  int get day => _fields[_day];
  int get hour => _fields[_hour];
  int get minute => _fields[_minute];
  int get second => _fields[_second];
  int get millisecond => _fields[_millisecond];
  int get microsecond => _fields[_microsecond];
  int get weekday => _fields[_weekday];

  String get timeZoneName => isUtc ? "UTC" : _localZoneNameForSeconds(_clampedSeconds(_value));

  Duration get timeZoneOffset =>
      isUtc ? Duration.zero : Duration(microseconds: _localOffsetAt(_value));

  DateTime toLocal() => isUtc ? DateTime._unchecked(_value, false) : this;
  DateTime toUtc() => isUtc ? this : DateTime._unchecked(_value, true);

  DateTime add(Duration duration) => DateTime._checked(_value + duration.inMicroseconds, isUtc);
  DateTime subtract(Duration duration) =>
      DateTime._checked(_value - duration.inMicroseconds, isUtc);
  Duration difference(DateTime other) =>
      Duration(microseconds: _value - other.microsecondsSinceEpoch);

  bool isBefore(DateTime other) => _value < other.microsecondsSinceEpoch;
  bool isAfter(DateTime other) => _value > other.microsecondsSinceEpoch;
  bool isAtSameMomentAs(DateTime other) => _value == other.microsecondsSinceEpoch;
  int compareTo(DateTime other) => _value.compareTo(other.microsecondsSinceEpoch);

  bool operator ==(Object other) =>
      other is DateTime && _value == other.microsecondsSinceEpoch && isUtc == other.isUtc;

  /// The VM's hash: both halves of the value folded into 30 bits.
  int get hashCode => (_value ^ (_value >> 30)) & 0x3FFFFFFF;

  String toString() => _format(" ", _fourDigits(year));

  String toIso8601String() =>
      _format("T", year >= -9999 && year <= 9999 ? _fourDigits(year) : _sixDigits(year));

  /// `<year>-MM-dd<separator>HH:mm:ss.mmm[uuu][Z]`, microseconds only when non-zero.
  String _format(String separator, String year) {
    final micros = microsecond == 0 ? "" : _threeDigits(microsecond);
    return "$year-${_twoDigits(month)}-${_twoDigits(day)}$separator"
        "${_twoDigits(hour)}:${_twoDigits(minute)}:${_twoDigits(second)}"
        ".${_threeDigits(millisecond)}$micros${isUtc ? "Z" : ""}";
  }

  static String _fourDigits(int n) {
    final digits = n.abs().toString().padLeft(4, "0");
    return n < 0 ? "-$digits" : digits;
  }

  static String _sixDigits(int n) {
    final digits = n.abs().toString().padLeft(6, "0");
    return n < 0 ? "-$digits" : "+$digits";
  }

  static String _threeDigits(int n) => n.toString().padLeft(3, "0");
  static String _twoDigits(int n) => n.toString().padLeft(2, "0");
}

extension DateTimeCopyWith on DateTime {
  /// A DateTime with the given fields replaced; like the constructors, out-of-range fields
  /// carry into larger ones.
  DateTime copyWith(
      {int? year,
      int? month,
      int? day,
      int? hour,
      int? minute,
      int? second,
      int? millisecond,
      int? microsecond,
      bool? isUtc}) {
    final y = year ?? this.year;
    final mo = month ?? this.month;
    final d = day ?? this.day;
    final h = hour ?? this.hour;
    final mi = minute ?? this.minute;
    final s = second ?? this.second;
    final ms = millisecond ?? this.millisecond;
    final us = microsecond ?? this.microsecond;
    return (isUtc ?? this.isUtc)
        ? DateTime.utc(y, mo, d, h, mi, s, ms, us)
        : DateTime(y, mo, d, h, mi, s, ms, us);
  }
}
