//! Charts drawn on the server as SVG by `plotters`, so they work without script, print
//! cleanly and sit inside the page. Each point carries a `<title>` (its value on hover);
//! lines differ by dash as well as colour, so they stay apart in greyscale; the page puts
//! the table with the same numbers beside every chart.

use plotters::prelude::*;

/// How a line is drawn, so it can be told apart without colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stroke {
    Solid,
    Dashed,
    Dotted,
}

/// One line of a trend chart: points at x positions (period indexes).
#[derive(Clone, Debug)]
pub struct Line {
    pub label: String,
    pub points: Vec<(usize, f64)>,
    pub stroke: Stroke,
    /// `#rrggbb`.
    pub colour: (u8, u8, u8),
    /// Whether each point gets a hover mark with its value (a straight reference line
    /// does not need one at each end).
    pub marks: bool,
}

/// The colours of the charts: dark enough on white for WCAG's 3:1 for graphics.
pub const SERIES: (u8, u8, u8) = (0x1f, 0x4e, 0x79);
pub const BASELINE: (u8, u8, u8) = (0x55, 0x55, 0x55);
pub const TARGET: (u8, u8, u8) = (0x9a, 0x4a, 0x00);
pub const OTHER: (u8, u8, u8) = (0x6a, 0x1b, 0x6e);

const WIDTH: u32 = 640;
const HEIGHT: u32 = 300;

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Formats a number with a fixed count of decimals and thousands grouped: 502,916.
pub fn number(value: f64, decimals: u8) -> String {
    let text = format!("{:.*}", decimals as usize, value.abs());
    let (whole, fraction) = match text.split_once('.') {
        Some((w, f)) => (w.to_string(), Some(f.to_string())),
        None => (text, None),
    };
    let mut grouped = String::new();
    for (i, digit) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    let sign = if value < 0.0 && text_is_not_zero(&grouped, fraction.as_deref()) {
        "-"
    } else {
        ""
    };
    match fraction {
        Some(f) => format!("{sign}{grouped}.{f}"),
        None => format!("{sign}{grouped}"),
    }
}

fn text_is_not_zero(whole: &str, fraction: Option<&str>) -> bool {
    whole
        .chars()
        .chain(fraction.unwrap_or("").chars())
        .any(|c| c.is_ascii_digit() && c != '0')
}

/// A point's hover mark: its pixel position, its title and its colour.
type Mark = (i32, i32, String, (u8, u8, u8));

/// Adds what plotters does not: the chart's accessible name (the figure's caption), and
/// the hover marks with their titles.
fn finish(svg: String, labelled_by: &str, marks: &[Mark]) -> String {
    let mut out = svg.replacen(
        "<svg ",
        &format!(
            // The page may be right to left; the chart's geometry is not (plotters anchors its
            // labels assuming left to right). Hebrew inside each label still reads right to left.
            "<svg role=\"img\" aria-labelledby=\"{}\" class=\"chart\" direction=\"ltr\" ",
            escape(labelled_by)
        ),
        1,
    );
    let mut extra = String::from("<g class=\"marks\">");
    for (x, y, title, (r, g, b)) in marks {
        extra.push_str(&format!(
            "<circle cx=\"{x}\" cy=\"{y}\" r=\"5\" fill=\"#{r:02x}{g:02x}{b:02x}\" stroke=\"#fff\" stroke-width=\"1.5\"><title>{}</title></circle>",
            escape(title)
        ));
    }
    extra.push_str("</g></svg>");
    if let Some(end) = out.rfind("</svg>") {
        out.replace_range(end.., &extra);
    }
    out
}

fn value_range(values: impl Iterator<Item = f64>, from_zero: bool) -> (f64, f64) {
    let (mut low, mut high) = (f64::MAX, f64::MIN);
    for v in values {
        low = low.min(v);
        high = high.max(v);
    }
    if low > high {
        return (0.0, 1.0);
    }
    if from_zero && low >= 0.0 {
        low = 0.0;
    }
    let pad = ((high - low).abs() * 0.1).max(1e-6);
    (
        if from_zero && low == 0.0 {
            0.0
        } else {
            low - pad
        },
        high + pad,
    )
}

/// A trend over periods: `x_labels` name the periods; each line is drawn with its marks.
pub fn trend(
    x_labels: &[String],
    lines: &[Line],
    decimals: u8,
    from_zero: bool,
    labelled_by: &str,
) -> String {
    let mut svg = String::new();
    let mut marks = Vec::new();
    let count = x_labels.len().max(1);
    let (low, high) = value_range(
        lines.iter().flat_map(|l| l.points.iter().map(|p| p.1)),
        from_zero,
    );
    {
        let root = SVGBackend::with_string(&mut svg, (WIDTH, HEIGHT)).into_drawing_area();
        if root.fill(&WHITE).is_err() {
            return String::new();
        }
        let built = ChartBuilder::on(&root)
            .margin(14)
            .x_label_area_size(34)
            .y_label_area_size(56)
            .build_cartesian_2d(-0.5f64..(count as f64 - 0.5), low..high);
        let Ok(mut chart) = built else {
            return String::new();
        };
        let labels = x_labels.to_vec();
        let _ = chart
            .configure_mesh()
            .disable_x_mesh()
            .x_labels(count.min(12))
            .x_label_formatter(&|x| {
                let i = x.round();
                if (x - i).abs() < 0.01 && i >= 0.0 {
                    labels.get(i as usize).cloned().unwrap_or_default()
                } else {
                    String::new()
                }
            })
            .y_label_formatter(&|y| number(*y, decimals))
            .label_style(("sans-serif", 13))
            .light_line_style(RGBColor(0xe6, 0xe6, 0xe6))
            .draw();
        for line in lines {
            let (r, g, b) = line.colour;
            let style = ShapeStyle::from(&RGBColor(r, g, b)).stroke_width(3);
            let points: Vec<(f64, f64)> = line.points.iter().map(|&(x, y)| (x as f64, y)).collect();
            let _ = match line.stroke {
                Stroke::Solid => chart.draw_series(LineSeries::new(points.clone(), style)),
                Stroke::Dashed => {
                    chart.draw_series(DashedLineSeries::new(points.clone(), 10, 6, style))
                }
                Stroke::Dotted => {
                    chart.draw_series(DashedLineSeries::new(points.clone(), 3, 5, style))
                }
            };
            if line.marks {
                for &(x, y) in &line.points {
                    let (px, py) = chart.backend_coord(&(x as f64, y));
                    let period = x_labels.get(x).cloned().unwrap_or_default();
                    marks.push((
                        px,
                        py,
                        format!("{} · {period}: {}", line.label, number(y, decimals)),
                        line.colour,
                    ));
                }
            }
        }
        let _ = root.present();
    }
    finish(svg, labelled_by, &marks)
}

/// One bar of a comparison.
#[derive(Clone, Debug)]
pub struct Bar {
    pub label: String,
    pub value: f64,
    /// A bar drawn in the second colour (the reference group, the place itself).
    pub marked: bool,
}

/// Horizontal bars, one per place or group, longest labels at the side.
pub fn bars(items: &[Bar], decimals: u8, labelled_by: &str) -> String {
    let mut svg = String::new();
    let mut marks = Vec::new();
    let rows = items.len().max(1);
    let height = (rows as u32 * 26 + 50).clamp(120, 900);
    let (low, high) = value_range(items.iter().map(|b| b.value), true);
    {
        let root = SVGBackend::with_string(&mut svg, (WIDTH, height)).into_drawing_area();
        if root.fill(&WHITE).is_err() {
            return String::new();
        }
        let built = ChartBuilder::on(&root)
            .margin(12)
            .x_label_area_size(28)
            .y_label_area_size(190)
            .build_cartesian_2d(low..high, -0.5f64..(rows as f64 - 0.5));
        let Ok(mut chart) = built else {
            return String::new();
        };
        let names: Vec<String> = items.iter().map(|b| b.label.clone()).collect();
        let _ = chart
            .configure_mesh()
            .disable_y_mesh()
            .y_labels(rows)
            .y_label_formatter(&|y| {
                let i = y.round();
                if (y - i).abs() < 0.01 && i >= 0.0 {
                    // Top to bottom in list order.
                    names
                        .get(rows - 1 - i as usize)
                        .map(|n| crate::html::shortened(n, 28))
                        .unwrap_or_default()
                } else {
                    String::new()
                }
            })
            .x_label_formatter(&|x| number(*x, decimals))
            .label_style(("sans-serif", 13))
            .light_line_style(RGBColor(0xe6, 0xe6, 0xe6))
            .draw();
        for (i, bar) in items.iter().enumerate() {
            let y = (rows - 1 - i) as f64;
            let (r, g, b) = if bar.marked { TARGET } else { SERIES };
            let _ = chart.draw_series(std::iter::once(Rectangle::new(
                [(low, y - 0.35), (bar.value, y + 0.35)],
                RGBColor(r, g, b).filled(),
            )));
            let (px, py) = chart.backend_coord(&(bar.value, y));
            marks.push((
                px,
                py,
                format!("{}: {}", bar.label, number(bar.value, decimals)),
                if bar.marked { TARGET } else { SERIES },
            ));
        }
        let _ = root.present();
    }
    finish(svg, labelled_by, &marks)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_trend_names_itself_and_titles_every_point() {
        let svg = trend(
            &["2021/22".into(), "2022/23".into(), "2023/24".into()],
            &[Line {
                label: "שיעור <5>".into(),
                points: vec![(0, 20.0), (2, 24.5)],
                stroke: Stroke::Solid,
                colour: SERIES,
                marks: true,
            }],
            1,
            true,
            "fig-1",
        );
        assert!(svg.starts_with("<svg role=\"img\" aria-labelledby=\"fig-1\""));
        assert_eq!(svg.matches("<title>").count(), 2);
        assert!(svg.contains("<title>שיעור &lt;5&gt; · 2023/24: 24.5</title>"));
        assert!(svg.trim_end().ends_with("</svg>"));
    }

    #[test]
    fn numbers_group_thousands() {
        assert_eq!(number(502916.0, 0), "502,916");
        assert_eq!(number(1234.567, 1), "1,234.6");
        assert_eq!(number(-1234.0, 0), "-1,234");
        assert_eq!(number(-0.01, 1), "0.0");
        assert_eq!(number(999.0, 0), "999");
    }

    #[test]
    fn bars_mark_the_reference() {
        let svg = bars(
            &[
                Bar {
                    label: "בנות".into(),
                    value: 31.0,
                    marked: false,
                },
                Bar {
                    label: "בנים".into(),
                    value: 40.0,
                    marked: true,
                },
            ],
            0,
            "fig-2",
        );
        assert!(svg.contains("<title>בנים: 40</title>"));
        assert!(svg.contains("fill=\"#9a4a00\""));
    }
}
