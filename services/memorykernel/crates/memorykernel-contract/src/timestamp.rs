//! UTC timestamps in the one form the contract uses: `YYYY-MM-DDTHH:MM:SSZ` (second precision).
//!
//! The civil-date arithmetic is Howard Hinnant's `days_from_civil` / `civil_from_days`, valid for
//! the whole proleptic Gregorian calendar; only years 0000-9999 can be written in this form.

use std::fmt;

/// A validated UTC timestamp.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Timestamp {
    pub year: i64,
    pub month: u32,
    pub day: u32,
    pub hour: u32,
    pub minute: u32,
    pub second: u32,
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z",
            self.year, self.month, self.day, self.hour, self.minute, self.second
        )
    }
}

fn is_leap(year: i64) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// Days in `month` (1-12) of `year`.
#[must_use]
pub fn days_in_month(year: i64, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

/// Days since 1970-01-01 of a civil date.
#[must_use]
pub fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The civil date of a day count since 1970-01-01.
#[must_use]
pub fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    // day is in 1..=31 and month in 1..=12 by construction.
    (
        year,
        u32::try_from(month).unwrap_or(1),
        u32::try_from(day).unwrap_or(1),
    )
}

impl Timestamp {
    /// The timestamp of `seconds` since the Unix epoch.
    ///
    /// # Errors
    /// When the date falls outside years 0000-9999.
    pub fn from_unix_seconds(seconds: i64) -> Result<Self, String> {
        let days = seconds.div_euclid(86_400);
        let rem = seconds.rem_euclid(86_400);
        let (year, month, day) = civil_from_days(days);
        if !(0..=9999).contains(&year) {
            return Err(format!(
                "{seconds} seconds since the epoch is outside years 0000-9999"
            ));
        }
        let part = |n: i64| u32::try_from(n).unwrap_or(0);
        Ok(Timestamp {
            year,
            month,
            day,
            hour: part(rem / 3600),
            minute: part(rem % 3600 / 60),
            second: part(rem % 60),
        })
    }

    /// Seconds since the Unix epoch.
    #[must_use]
    pub fn unix_seconds(&self) -> i64 {
        days_from_civil(self.year, self.month, self.day) * 86_400
            + i64::from(self.hour) * 3600
            + i64::from(self.minute) * 60
            + i64::from(self.second)
    }

    /// Parse `YYYY-MM-DDTHH:MM:SSZ`, rejecting impossible dates (2026-02-30) and times (24:00:00).
    ///
    /// # Errors
    /// A message saying what is wrong with `text`.
    pub fn parse(text: &str) -> Result<Self, String> {
        let b = text.as_bytes();
        let shape_ok = b.len() == 20
            && b.iter().enumerate().all(|(i, c)| match i {
                4 | 7 => *c == b'-',
                10 => *c == b'T',
                13 | 16 => *c == b':',
                19 => *c == b'Z',
                _ => c.is_ascii_digit(),
            });
        if !shape_ok {
            return Err(format!("'{text}' is not of the form YYYY-MM-DDTHH:MM:SSZ"));
        }
        let num = |range: std::ops::Range<usize>| -> u32 {
            text[range]
                .bytes()
                .fold(0, |acc, d| acc * 10 + u32::from(d - b'0'))
        };
        let ts = Timestamp {
            year: i64::from(num(0..4)),
            month: num(5..7),
            day: num(8..10),
            hour: num(11..13),
            minute: num(14..16),
            second: num(17..19),
        };
        if !(1..=12).contains(&ts.month) {
            return Err(format!(
                "'{text}' has month {:02}, expected 01-12",
                ts.month
            ));
        }
        let max_day = days_in_month(ts.year, ts.month);
        if ts.day == 0 || ts.day > max_day {
            return Err(format!(
                "'{text}' has day {:02}, expected 01-{max_day:02} for {:04}-{:02}",
                ts.day, ts.year, ts.month
            ));
        }
        if ts.hour > 23 || ts.minute > 59 || ts.second > 59 {
            return Err(format!("'{text}' has an invalid time of day"));
        }
        Ok(ts)
    }

    /// The current time, truncated to the second.
    ///
    /// # Errors
    /// When the system clock is before 1970 or beyond year 9999.
    pub fn now() -> Result<Self, String> {
        let elapsed = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_err(|_| "the system clock is before 1970-01-01".to_owned())?;
        let seconds = i64::try_from(elapsed.as_secs())
            .map_err(|_| "the system clock is out of range".to_owned())?;
        Self::from_unix_seconds(seconds)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn converts_known_instants() {
        let cases = [
            (0, "1970-01-01T00:00:00Z"),
            (951_782_400, "2000-02-29T00:00:00Z"),
            (1_795_478_400, "2026-11-24T00:00:00Z"),
            (-1, "1969-12-31T23:59:59Z"),
            (253_402_300_799, "9999-12-31T23:59:59Z"),
        ];
        for (seconds, text) in cases {
            let ts = Timestamp::from_unix_seconds(seconds).unwrap();
            assert_eq!(ts.to_string(), text);
            assert_eq!(Timestamp::parse(text).unwrap().unix_seconds(), seconds);
        }
        assert!(Timestamp::from_unix_seconds(253_402_300_800).is_err());
    }

    #[test]
    fn round_trips_every_day_for_centuries() {
        let mut days = days_from_civil(1600, 1, 1);
        let end = days_from_civil(2401, 1, 1);
        while days < end {
            let (y, m, d) = civil_from_days(days);
            assert_eq!(days_from_civil(y, m, d), days);
            assert!(d >= 1 && d <= days_in_month(y, m));
            days += 1;
        }
    }

    #[test]
    fn rejects_impossible_timestamps() {
        for bad in [
            "2026-02-29T00:00:00Z",
            "1900-02-29T00:00:00Z",
            "2026-13-01T00:00:00Z",
            "2026-00-01T00:00:00Z",
            "2026-04-31T00:00:00Z",
            "2026-01-01T24:00:00Z",
            "2026-01-01T00:60:00Z",
            "2026-01-01T00:00:60Z",
            "2026-01-01 00:00:00Z",
            "2026-01-01T00:00:00",
            "2026-01-01T00:00:00.5Z",
            "2026-1-01T00:00:00Z",
            "",
        ] {
            assert!(Timestamp::parse(bad).is_err(), "{bad}");
        }
        assert!(Timestamp::parse("2024-02-29T23:59:59Z").is_ok());
        assert!(Timestamp::parse("2000-02-29T00:00:00Z").is_ok());
    }
}
