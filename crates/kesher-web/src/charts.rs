//! Charts drawn on the server as SVG by `plotters`, so they work without script, print
//! cleanly and sit inside the page. Each point carries a `<title>` (its value on hover);
//! lines differ by dash as well as colour, so they stay apart in greyscale; the page puts
//! the table with the same numbers beside every chart.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// How a line is drawn, so it can be told apart without colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stroke {
    Solid,
    Dashed,
    Dotted,
}

/// A point of a trend line: at its period's ordinal, so the axis is proportional to time
/// (a gap of years shows as a gap).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TrendPoint {
    pub x: i64,
    pub value: f64,
    /// Still below the coverage threshold: drawn hollow, reached by a dashed segment.
    pub provisional: bool,
}

/// One line of a trend chart.
#[derive(Clone, Debug)]
pub struct Line {
    pub label: String,
    pub points: Vec<TrendPoint>,
    pub stroke: Stroke,
    /// `#rrggbb`.
    pub colour: (u8, u8, u8),
    /// Whether each point gets a hover mark with its value (a straight reference line
    /// does not need one at each end).
    pub marks: bool,
}

impl Line {
    /// A line through plain points (none provisional).
    pub fn through(
        label: String,
        points: impl IntoIterator<Item = (i64, f64)>,
        stroke: Stroke,
        colour: (u8, u8, u8),
        marks: bool,
    ) -> Self {
        Self {
            label,
            points: points
                .into_iter()
                .map(|(x, value)| TrendPoint {
                    x,
                    value,
                    provisional: false,
                })
                .collect(),
            stroke,
            colour,
            marks,
        }
    }
}

/// What a trend chart shows.
pub struct Trend<'a> {
    /// The periods named on the time axis: (ordinal, label).
    pub periods: &'a [(i64, String)],
    pub lines: &'a [Line],
    /// Points with a label of their own beside them (the target at its period).
    pub labelled: &'a [(i64, f64, String)],
    pub decimals: u8,
    pub from_zero: bool,
    /// What the values are, written along the value axis (the unit).
    pub unit: &'a str,
    /// Written after each value in the hover titles, as the tables write it (`%`).
    pub suffix: &'a str,
    /// The id of the element that names the chart.
    pub labelled_by: &'a str,
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

pub use kesher_domain::text::number;

/// A point's hover mark.
struct Mark {
    x: i32,
    y: i32,
    title: String,
    colour: (u8, u8, u8),
    hollow: bool,
    /// What the point is: `provisional`, `complete`, `gap`…
    class: &'static str,
    radius: f32,
}

/// A trend's or a bar's point: hollow while provisional.
fn reading(hollow: bool) -> &'static str {
    if hollow { "provisional" } else { "complete" }
}

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
    for Mark {
        x,
        y,
        title,
        colour: (r, g, b),
        hollow,
        class,
        radius,
    } in marks
    {
        let (fill, stroke) = if *hollow {
            ("#fff".to_string(), format!("#{r:02x}{g:02x}{b:02x}"))
        } else {
            (format!("#{r:02x}{g:02x}{b:02x}"), "#fff".to_string())
        };
        extra.push_str(&format!(
            "<circle cx=\"{x}\" cy=\"{y}\" r=\"{radius}\" fill=\"{fill}\" stroke=\"{stroke}\" stroke-width=\"{}\" class=\"{}\"><title>{}</title></circle>",
            if *hollow { "2.5" } else { "1.5" },
            class,
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
    // A value past what a chart can scale (never finite figures; the pages refuse them
    // earlier) is left out rather than stretching the axis to infinity.
    for v in values.filter(|v| v.is_finite() && v.abs() < 1e300) {
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

/// The size of every label: 13px, above the 9 points (12px) a printed chart needs.
const LABEL_SIZE: u32 = 13;

fn stroke_style((r, g, b): (u8, u8, u8)) -> ShapeStyle {
    ShapeStyle::from(&RGBColor(r, g, b)).stroke_width(3)
}

/// A trend over time: the axis proportional to time, every line with its marks (hollow
/// where provisional, reached by a dashed segment), labelled points (the target), the unit
/// along the value axis and a legend under the chart.
pub fn trend(spec: &Trend) -> String {
    let mut svg = String::new();
    let mut marks: Vec<Mark> = Vec::new();
    let xs = spec
        .periods
        .iter()
        .map(|(x, _)| *x)
        .chain(spec.lines.iter().flat_map(|l| l.points.iter().map(|p| p.x)))
        .chain(spec.labelled.iter().map(|(x, _, _)| *x));
    let (first, last) = xs.fold((i64::MAX, i64::MIN), |(lo, hi), x| (lo.min(x), hi.max(x)));
    if first > last {
        return String::new();
    }
    let (low, high) = value_range(
        spec.lines
            .iter()
            .flat_map(|l| l.points.iter().map(|p| p.value))
            .chain(spec.labelled.iter().map(|(_, v, _)| *v)),
        spec.from_zero,
    );
    let legend_rows = spec.lines.len().div_ceil(2) as u32;
    let height = HEIGHT + legend_rows * 22;
    {
        let root = SVGBackend::with_string(&mut svg, (WIDTH, height)).into_drawing_area();
        if root.fill(&WHITE).is_err() {
            return String::new();
        }
        let (plot, legend) = root.split_vertically(HEIGHT);
        let built = ChartBuilder::on(&plot)
            .margin(14)
            .x_label_area_size(34)
            .y_label_area_size(70)
            .build_cartesian_2d(first as f64 - 0.5..last as f64 + 0.5, low..high);
        let Ok(mut chart) = built else {
            return String::new();
        };
        let labels: std::collections::HashMap<i64, String> = spec.periods.iter().cloned().collect();
        let span = (last - first + 1) as usize;
        let _ = chart
            .configure_mesh()
            .disable_x_mesh()
            .x_labels(span.min(14))
            .x_label_formatter(&|x| {
                let i = x.round();
                if (x - i).abs() < 0.01 {
                    labels.get(&(i as i64)).cloned().unwrap_or_default()
                } else {
                    String::new()
                }
            })
            .y_label_formatter(&|y| number(*y, spec.decimals))
            .y_desc(spec.unit)
            .label_style(("sans-serif", LABEL_SIZE))
            .axis_desc_style(("sans-serif", LABEL_SIZE))
            // Light gridlines at the labelled values only; the finer mesh would crowd them.
            .bold_line_style(RGBColor(0xe6, 0xe6, 0xe6))
            .light_line_style(WHITE)
            .draw();
        for line in spec.lines {
            let style = stroke_style(line.colour);
            let as_xy = |points: &[TrendPoint]| -> Vec<(f64, f64)> {
                points.iter().map(|p| (p.x as f64, p.value)).collect()
            };
            // The complete part in the line's own stroke; from the last complete point on,
            // into the provisional ones, dashed.
            let split = line
                .points
                .iter()
                .position(|p| p.provisional)
                .unwrap_or(line.points.len());
            let complete = as_xy(&line.points[..split]);
            let _ = match line.stroke {
                Stroke::Solid => chart.draw_series(LineSeries::new(complete, style)),
                Stroke::Dashed => chart.draw_series(DashedLineSeries::new(complete, 10, 6, style)),
                Stroke::Dotted => chart.draw_series(DashedLineSeries::new(complete, 3, 5, style)),
            };
            if split < line.points.len() {
                let tail = as_xy(&line.points[split.saturating_sub(1)..]);
                let _ = chart.draw_series(DashedLineSeries::new(tail, 6, 5, style));
            }
            if line.marks {
                for point in &line.points {
                    let (px, py) = chart.backend_coord(&(point.x as f64, point.value));
                    let period = labels.get(&point.x).cloned().unwrap_or_default();
                    marks.push(Mark {
                        x: px,
                        y: py,
                        title: format!(
                            "{} · {period}: {}{}",
                            line.label,
                            number(point.value, spec.decimals),
                            spec.suffix
                        ),
                        colour: line.colour,
                        hollow: point.provisional,
                        class: reading(point.provisional),
                        radius: 5.0,
                    });
                }
            }
        }
        for (x, value, label) in spec.labelled {
            let (px, py) = chart.backend_coord(&(*x as f64, *value));
            let (r, g, b) = TARGET;
            let _ = plot.draw(&Cross::new((px, py), 7, stroke_style(TARGET)));
            let text = format!("{label}: {}{}", number(*value, spec.decimals), spec.suffix);
            // Beside the mark, on the side that has room.
            let room_right = px < (WIDTH as i32) * 2 / 3;
            let anchor = if room_right {
                (px + 10, py - 18)
            } else {
                (px - 10 - text.chars().count() as i32 * 7, py - 18)
            };
            let _ = plot.draw(&Text::new(
                text,
                anchor,
                ("sans-serif", LABEL_SIZE)
                    .into_font()
                    .color(&RGBColor(r, g, b)),
            ));
        }
        // The legend: a swatch of each line's stroke and its name, two to a row.
        for (i, line) in spec.lines.iter().enumerate() {
            let (row, column) = ((i / 2) as i32, (i % 2) as i32);
            let x = 70 + column * 280;
            let y = 12 + row * 22;
            let style = stroke_style(line.colour);
            let segment = vec![(x, y), (x + 28, y)];
            let _ = match line.stroke {
                Stroke::Solid => legend.draw(&PathElement::new(segment, style)),
                Stroke::Dashed | Stroke::Dotted => {
                    let step = if line.stroke == Stroke::Dashed { 8 } else { 4 };
                    let mut drawn = Ok(());
                    let mut from = x;
                    while from < x + 28 {
                        drawn = legend.draw(&PathElement::new(
                            vec![(from, y), ((from + step / 2 + 1).min(x + 28), y)],
                            style,
                        ));
                        from += step;
                    }
                    drawn
                }
            };
            let _ = legend.draw(&Text::new(
                crate::html::shortened(&line.label, 34),
                (x + 36, y - 8),
                ("sans-serif", LABEL_SIZE).into_font(),
            ));
        }
        let _ = root.present();
    }
    finish(svg, spec.labelled_by, &marks)
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
            .label_style(("sans-serif", LABEL_SIZE))
            .bold_line_style(RGBColor(0xe6, 0xe6, 0xe6))
            .light_line_style(WHITE)
            .draw();
        for (i, bar) in items
            .iter()
            .enumerate()
            .filter(|(_, b)| b.value.is_finite())
        {
            let y = (rows - 1 - i) as f64;
            let (r, g, b) = if bar.marked { TARGET } else { SERIES };
            let _ = chart.draw_series(std::iter::once(Rectangle::new(
                [(low, y - 0.35), (bar.value, y + 0.35)],
                RGBColor(r, g, b).filled(),
            )));
            let (px, py) = chart.backend_coord(&(bar.value, y));
            marks.push(Mark {
                x: px,
                y: py,
                title: format!("{}: {}", bar.label, number(bar.value, decimals)),
                colour: if bar.marked { TARGET } else { SERIES },
                hollow: false,
                class: reading(false),
                radius: 5.0,
            });
        }
        let _ = root.present();
    }
    finish(svg, labelled_by, &marks)
}

/// A place on the map of schools, at its Israeli grid coordinates.
#[derive(Clone, Debug)]
pub struct MapPoint {
    pub x: f64,
    pub y: f64,
    pub title: String,
    pub reach: Reach,
}

/// How a place on the map is served.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Reach {
    /// No program reaches it: a gap, drawn hollow.
    Gap,
    /// Programs reach it, none serving the same goal as another.
    Served,
    /// Two or more programs serve one goal there.
    Overlap,
}

/// The colour of a place several programs reach.
pub const OVERLAP: (u8, u8, u8) = OTHER;
/// The colour of a place no program reaches.
pub const GAP: (u8, u8, u8) = (0xa6, 0x26, 0x1c);

/// The places reached, and those not, where they are: north up, distances kept (the grid is
/// in metres on both axes). Gaps are hollow, overlaps in their own colour, every point
/// titled with its name and count; the page lists the same places in a table.
pub fn place_map(points: &[MapPoint], labelled_by: &str) -> String {
    let usable: Vec<&MapPoint> = points
        .iter()
        .filter(|p| p.x.is_finite() && p.y.is_finite())
        .collect();
    if usable.is_empty() {
        return String::new();
    }
    let (x_low, x_high) = value_range(usable.iter().map(|p| p.x), false);
    let (y_low, y_high) = value_range(usable.iter().map(|p| p.y), false);
    let width = 420u32;
    let ratio = (y_high - y_low) / (x_high - x_low).max(1e-6);
    let height = ((f64::from(width) * ratio) as u32).clamp(160, 760);
    let mut svg = String::new();
    let mut marks = Vec::new();
    {
        let root = SVGBackend::with_string(&mut svg, (width, height)).into_drawing_area();
        if root.fill(&WHITE).is_err() {
            return String::new();
        }
        let built = ChartBuilder::on(&root)
            .margin(10)
            .build_cartesian_2d(x_low..x_high, y_low..y_high);
        let Ok(chart) = built else {
            return String::new();
        };
        // The gaps first, so that the places reached are drawn over them.
        let mut ordered = usable.clone();
        ordered.sort_by_key(|p| p.reach);
        // Many gaps would hide the few places reached: they are drawn smaller.
        let crowded = usable.len() > 200;
        for point in ordered {
            let (px, py) = chart.backend_coord(&(point.x, point.y));
            let (colour, class) = match point.reach {
                Reach::Gap => (GAP, "gap"),
                Reach::Served => (SERIES, "served"),
                Reach::Overlap => (OVERLAP, "overlap"),
            };
            marks.push(Mark {
                x: px,
                y: py,
                title: point.title.clone(),
                colour,
                hollow: point.reach == Reach::Gap,
                class,
                radius: if crowded && point.reach == Reach::Gap {
                    2.0
                } else {
                    5.0
                },
            });
        }
        let _ = root.present();
    }
    finish(svg, labelled_by, &marks)
}

/// A node of a layered graph: its key (unique in the graph) and what it reads.
#[derive(Clone, Debug)]
pub struct GraphNode {
    pub key: String,
    pub label: String,
}

/// An edge between two nodes of neighbouring columns, with the figure it carries.
#[derive(Clone, Debug)]
pub struct GraphEdge {
    pub from: String,
    pub to: String,
    pub label: Option<String>,
    /// Drawn dashed: a promise (a commitment) rather than a program that runs.
    pub dashed: bool,
}

/// Columns of nodes, left to right, joined by edges that carry their figures: who runs
/// what, what it serves, what measures it. Each node is a hover mark with its whole name;
/// the labels are shortened to fit.
pub fn layered_graph(columns: &[Vec<GraphNode>], edges: &[GraphEdge], labelled_by: &str) -> String {
    let tallest = columns.iter().map(Vec::len).max().unwrap_or(0);
    if tallest == 0 {
        return String::new();
    }
    let width: u32 = 960;
    let row = 44u32;
    let height = (tallest as u32 * row + 40).clamp(140, 4000);
    let column_x = |c: usize| -> i32 {
        let step = f64::from(width) / columns.len().max(1) as f64;
        (step * (c as f64 + 0.5)) as i32
    };
    let mut at: std::collections::HashMap<&str, (i32, i32)> = std::collections::HashMap::new();
    for (c, column) in columns.iter().enumerate() {
        // Each column is centred on the tallest, so short columns do not hug the top.
        let offset = (tallest - column.len()) as u32 * row / 2;
        for (r, node) in column.iter().enumerate() {
            at.insert(
                node.key.as_str(),
                (column_x(c), (20 + offset + r as u32 * row + row / 2) as i32),
            );
        }
    }
    let mut svg = String::new();
    let mut marks = Vec::new();
    {
        let root = SVGBackend::with_string(&mut svg, (width, height)).into_drawing_area();
        if root.fill(&WHITE).is_err() {
            return String::new();
        }
        let (r, g, b) = BASELINE;
        for edge in edges {
            let (Some(&from), Some(&to)) = (at.get(edge.from.as_str()), at.get(edge.to.as_str()))
            else {
                continue;
            };
            let style =
                ShapeStyle::from(&RGBColor(r, g, b)).stroke_width(if edge.dashed { 1 } else { 2 });
            if edge.dashed {
                // plotters draws no dashes in SVG: a dotted line of short segments.
                let steps = 24;
                for i in (0..steps).step_by(2) {
                    let point = |k: i32| {
                        (
                            from.0 + (to.0 - from.0) * k / steps,
                            from.1 + (to.1 - from.1) * k / steps,
                        )
                    };
                    let _ = root.draw(&PathElement::new(vec![point(i), point(i + 1)], style));
                }
            } else {
                let _ = root.draw(&PathElement::new(vec![from, to], style));
            }
            if let Some(label) = &edge.label {
                // Two fifths along, clear of the label under the node it reaches.
                let middle = (
                    from.0 + (to.0 - from.0) * 2 / 5,
                    from.1 + (to.1 - from.1) * 2 / 5 - 4,
                );
                let _ = root.draw(&Text::new(
                    label.clone(),
                    middle,
                    ("sans-serif", LABEL_SIZE)
                        .into_font()
                        .color(&RGBColor(TARGET.0, TARGET.1, TARGET.2))
                        .pos(Pos::new(HPos::Center, VPos::Bottom)),
                ));
            }
        }
        for column in columns {
            for node in column {
                let (x, y) = at[node.key.as_str()];
                let _ = root.draw(&Text::new(
                    crate::html::shortened(&node.label, 26),
                    (x, y + 8),
                    ("sans-serif", LABEL_SIZE)
                        .into_font()
                        .color(&BLACK)
                        .pos(Pos::new(HPos::Center, VPos::Top)),
                ));
                marks.push(Mark {
                    x,
                    y,
                    title: node.label.clone(),
                    colour: SERIES,
                    hollow: false,
                    class: "node",
                    radius: 6.0,
                });
            }
        }
        let _ = root.present();
    }
    finish(svg, labelled_by, &marks)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_layered_graph_draws_each_node_once_and_the_figures_on_its_edges() {
        let node = |key: &str, label: &str| GraphNode {
            key: key.into(),
            label: label.into(),
        };
        let svg = layered_graph(
            &[
                vec![node("o1", "רובו-נוער")],
                vec![node("p1", "קבוצות רובוטיקה"), node("p2", "מדעניות")],
                vec![node("i1", "שיעור 5 יחידות <מתמטיקה>")],
            ],
            &[
                GraphEdge {
                    from: "o1".into(),
                    to: "p1".into(),
                    label: None,
                    dashed: false,
                },
                GraphEdge {
                    from: "p1".into(),
                    to: "i1".into(),
                    label: Some("320 משתתפים".into()),
                    dashed: false,
                },
                GraphEdge {
                    from: "o1".into(),
                    to: "missing".into(),
                    label: Some("לא יצויר".into()),
                    dashed: true,
                },
            ],
            "graph-caption",
        );
        assert!(svg.contains("aria-labelledby=\"graph-caption\""));
        assert_eq!(svg.matches("<circle").count(), 4);
        assert!(svg.contains("320 משתתפים"));
        assert!(!svg.contains("לא יצויר"), "an edge to no node is not drawn");
        assert!(svg.contains("<title>שיעור 5 יחידות &lt;מתמטיקה&gt;</title>"));
        assert!(layered_graph(&[vec![]], &[], "x").is_empty());
    }

    #[test]
    fn a_map_draws_gaps_hollow_and_titles_each_place() {
        let point = |x: f64, y: f64, title: &str, reach: Reach| MapPoint {
            x,
            y,
            title: title.into(),
            reach,
        };
        let svg = place_map(
            &[
                point(200_000.0, 700_000.0, "אלונים <1>", Reach::Served),
                point(210_000.0, 650_000.0, "רעות", Reach::Gap),
                point(205_000.0, 600_000.0, "הדקל", Reach::Overlap),
                point(f64::NAN, 1.0, "בלי מקום", Reach::Served),
            ],
            "map-caption",
        );
        assert!(svg.contains("aria-labelledby=\"map-caption\""));
        assert_eq!(svg.matches("<circle").count(), 3);
        assert!(svg.contains("<title>אלונים &lt;1&gt;</title>"));
        assert_eq!(svg.matches("class=\"gap\"").count(), 1);
        assert_eq!(svg.matches("class=\"overlap\"").count(), 1);
        assert!(svg.contains("#6a1b6e"), "an overlap in its own colour");
        assert!(place_map(&[], "x").is_empty());
    }

    #[test]
    fn a_trend_names_itself_and_titles_every_point() {
        let periods = [
            (2021, "2021/22".to_string()),
            (2022, "2022/23".to_string()),
            (2023, "2023/24".to_string()),
        ];
        let svg = trend(&Trend {
            periods: &periods,
            lines: &[Line {
                label: "שיעור <5>".into(),
                points: vec![
                    TrendPoint {
                        x: 2021,
                        value: 20.0,
                        provisional: false,
                    },
                    TrendPoint {
                        x: 2023,
                        value: 24.5,
                        provisional: true,
                    },
                ],
                stroke: Stroke::Solid,
                colour: SERIES,
                marks: true,
            }],
            labelled: &[(2023, 30.0, "יעד".into())],
            decimals: 1,
            from_zero: true,
            unit: "%",
            suffix: "",
            labelled_by: "fig-1",
        });
        assert!(svg.starts_with("<svg role=\"img\" aria-labelledby=\"fig-1\""));
        assert_eq!(svg.matches("<title>").count(), 2);
        assert!(svg.contains("<title>שיעור &lt;5&gt; · 2023/24: 24.5</title>"));
        // The provisional point is hollow; the target is labelled with its value.
        assert_eq!(svg.matches("class=\"provisional\"").count(), 1);
        assert!(svg.contains("יעד: 30.0"));
        assert!(svg.trim_end().ends_with("</svg>"));
    }

    #[test]
    fn an_infinite_value_does_not_stretch_the_axis() {
        let periods = [(2020, "2020".to_string())];
        let svg = trend(&Trend {
            periods: &periods,
            lines: &[Line::through(
                "x".into(),
                [(2020, f64::INFINITY), (2021, 5.0)],
                Stroke::Solid,
                SERIES,
                false,
            )],
            labelled: &[],
            decimals: 0,
            from_zero: true,
            unit: "",
            suffix: "",
            labelled_by: "fig",
        });
        assert!(svg.contains("<svg"));
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
