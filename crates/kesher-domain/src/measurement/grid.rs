//! The Israeli Transverse Mercator grid (ITM, EPSG:2039) the Ministry of Education gives its
//! schools' coordinates in, turned into latitude and longitude (WGS84) for standards that
//! ask for them, such as Open Referral's locations.

use proj4rs::proj::Proj;

/// ITM as PROJ's EPSG:2039 defines it, with its seven-parameter shift to WGS84: without the
/// shift a school would land some 80 metres off (the test checks a known point).
const ITM: &str = "+proj=tmerc +lat_0=31.7343936111111 +lon_0=35.2045169444444 \
    +k=1.0000067 +x_0=219529.584 +y_0=626907.39 +ellps=GRS80 \
    +towgs84=-24.0024,-17.1032,-17.8444,-0.33077,-1.85269,1.66969,5.4248 +units=m +no_defs";
const WGS84: &str = "+proj=longlat +datum=WGS84 +no_defs";

/// Where a point of the grid lies: (latitude, longitude) in decimal degrees, WGS84. `None`
/// for a point the projection cannot place, or one outside Israel's grid altogether (a
/// mistyped coordinate should not become a point at sea).
pub fn wgs84(x: f64, y: f64) -> Option<(f64, f64)> {
    // NaN is in no range, so this also refuses what is not a number.
    let on_the_grid = (100_000.0..=300_000.0).contains(&x) && (350_000.0..=820_000.0).contains(&y);
    if !on_the_grid {
        return None;
    }
    let from = Proj::from_proj_string(ITM).ok()?;
    let to = Proj::from_proj_string(WGS84).ok()?;
    let mut point = (x, y, 0.0);
    proj4rs::transform::transform(&from, &to, &mut point).ok()?;
    let (longitude, latitude) = (point.0.to_degrees(), point.1.to_degrees());
    (latitude.is_finite() && longitude.is_finite()).then_some((latitude, longitude))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_known_point_of_the_grid_lands_where_it_is() {
        // The Western Wall: E 222286, N 631556 on the grid; 31°46′36″ N, 35°14′04″ E. A
        // second of arc is about 30 metres here; the datum shift alone is about 80.
        let (lat, lon) = wgs84(222_286.0, 631_556.0).unwrap();
        assert!((lat - 31.776_67).abs() < 0.000_3, "{lat}");
        assert!((lon - 35.234_44).abs() < 0.000_3, "{lon}");
        // The grid's origin moves by the shift, and only by it.
        let (lat, lon) = wgs84(219_529.584, 626_907.39).unwrap();
        assert!((lat - 31.734_394).abs() < 0.001, "{lat}");
        assert!((lon - 35.204_517).abs() < 0.001, "{lon}");
    }

    #[test]
    fn a_point_off_the_grid_has_no_place() {
        assert_eq!(wgs84(0.0, 0.0), None);
        assert_eq!(wgs84(f64::NAN, 650_000.0), None);
        assert_eq!(wgs84(1_180_600.0, 664_250.0), None);
    }
}
