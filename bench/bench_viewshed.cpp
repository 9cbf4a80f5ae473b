// bench_viewshed: viewshed time per camera against the number of walls in range, the cost of
// walls with heights (30% of the walls partial against the same site without heights), and the
// total time for synthetic sites of 1,000 to 10,000 cameras (linear growth check). Deterministic
// (fixed seeds); plain std::chrono timing, and the thread's CPU time (CLOCK_THREAD_CPUTIME_ID),
// which a busy machine disturbs less. Build Release. `--quick` runs smaller sites; `--heights`
// the heights table alone, `--walls N` its row N alone (10, 100 or 1000: for perf).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <vector>

#include "geo/plane.hpp"
#include "geo/viewshed.hpp"
#include "synthetic_site.hpp"

using namespace camaudit;
using Clock = std::chrono::steady_clock;

namespace {

double seconds_since(Clock::time_point t0) {
    return std::chrono::duration<double>(Clock::now() - t0).count();
}

// This thread's CPU time in seconds.
double cpu_seconds() {
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
}

double percentile(std::vector<double> v, double q) {
    std::sort(v.begin(), v.end());
    const auto i = static_cast<std::size_t>(q * static_cast<double>(v.size() - 1) + 0.5);
    return v[i];
}

geo::Obstacles obstacles_of(const bench::SyntheticSite& site) {
    std::vector<const Wall*> ptrs;
    ptrs.reserve(site.walls.size());
    for (const Wall& w : site.walls) ptrs.push_back(&w);
    return geo::Obstacles(ptrs);
}

// Segments whose distance to the eye is within the range (what the sweep really works on).
double segments_in_range(const geo::Obstacles& o, const Camera& c) {
    const Point eye = geo::eye_position(c, o);
    double n = 0;
    for (const geo::Segment& s : o.segments_near(eye, c.range))
        if (geo::plane::segment_distance(eye, s.a, s.b) <= c.range) ++n;
    return n;
}

void per_camera(double walls_in_range, int cameras) {
    bench::SyntheticSpec spec;
    spec.seed = 42;
    spec.cameras = cameras;
    spec.walls_in_range = walls_in_range;
    const bench::SyntheticSite site = bench::make_synthetic_site(spec);
    const geo::Obstacles obstacles = obstacles_of(site);
    for (int i = 0; i < std::min(cameras, 50); ++i)  // warm up
        (void)geo::compute_viewshed(site.cameras[i], obstacles);
    std::vector<double> us, cpu_us;
    us.reserve(site.cameras.size());
    cpu_us.reserve(site.cameras.size());
    double walls = 0, segments = 0, area = 0;
    for (const Camera& c : site.cameras) {
        const double c0 = cpu_seconds();
        const auto t0 = Clock::now();
        const geo::Viewshed v = geo::compute_viewshed(c, obstacles);
        us.push_back(seconds_since(t0) * 1e6);
        cpu_us.push_back((cpu_seconds() - c0) * 1e6);
        area += v.area_m2;
    }
    for (const Camera& c : site.cameras) {
        const Point eye = geo::eye_position(c, obstacles);
        segments += segments_in_range(obstacles, c);
        walls += static_cast<double>(obstacles.segments_near(eye, c.range).size());
    }
    const double n = static_cast<double>(site.cameras.size());
    std::printf("| %6.0f | %6zu | %8.1f | %8.1f | %8.1f | %8.1f | %8.1f | %8.1f | %8.1f |\n",
                walls_in_range, site.cameras.size(), segments / n, walls / n,
                percentile(cpu_us, 0.5), percentile(cpu_us, 0.9), percentile(us, 0.5),
                percentile(us, 0.9), area / n);
}

struct Timing {
    std::vector<double> cpu_us;
    double area = 0;
    int by_overlay = 0;  // shadows subtracted by GEOS's overlay
};

void time_camera(const Camera& c, const geo::Obstacles& obstacles, Timing& t) {
    const double c0 = cpu_seconds();
    const geo::Viewshed v = geo::compute_viewshed(c, obstacles);
    t.cpu_us.push_back((cpu_seconds() - c0) * 1e6);
    t.area += v.area_m2;
    if (v.shadows_by_overlay) ++t.by_overlay;
}

// The same site twice, without heights and with `fraction` of its walls partial (1.8-2.5 m,
// cameras at 2.6-6 m, view height 1.7 m); each camera is timed in both, one after the other,
// so that the machine's load falls on both alike.
void heights_profile(double walls_in_range, int cameras, double fraction) {
    bench::SyntheticSpec spec;
    spec.seed = 42;
    spec.cameras = cameras;
    spec.walls_in_range = walls_in_range;
    const bench::SyntheticSite plan_site = bench::make_synthetic_site(spec);
    spec.partial_fraction = fraction;
    const bench::SyntheticSite partial_site = bench::make_synthetic_site(spec);
    const geo::Obstacles plan = obstacles_of(plan_site);
    const geo::Obstacles partial = obstacles_of(partial_site);
    for (int i = 0; i < std::min(cameras, 50); ++i) {  // warm up
        (void)geo::compute_viewshed(plan_site.cameras[i], plan);
        (void)geo::compute_viewshed(partial_site.cameras[i], partial);
    }
    Timing p, h;
    for (std::size_t i = 0; i < plan_site.cameras.size(); ++i) {
        time_camera(plan_site.cameras[i], plan, p);
        time_camera(partial_site.cameras[i], partial, h);
    }
    const double n = static_cast<double>(plan_site.cameras.size());
    auto mean = [](const std::vector<double>& v) {
        double s = 0;
        for (double x : v) s += x;
        return s / static_cast<double>(v.size());
    };
    const double pm = percentile(p.cpu_us, 0.5), hm = percentile(h.cpu_us, 0.5);
    const double p9 = percentile(p.cpu_us, 0.9), h9 = percentile(h.cpu_us, 0.9);
    std::printf(
        "| %6.0f | %6zu | %7.1f | %7.1f | %7.1f | %7.1f | %7.1f | %7.1f | x%-5.2f | x%-5.2f "
        "| x%-5.2f | %6.1f | %6.1f | %7d |\n",
        walls_in_range, plan_site.cameras.size(), pm, p9, mean(p.cpu_us), hm, h9, mean(h.cpu_us),
        hm / pm, h9 / p9, mean(h.cpu_us) / mean(p.cpu_us), p.area / n, h.area / n, h.by_overlay);
}

void whole_site(int cameras, double& per_camera_us) {
    bench::SyntheticSpec spec;
    spec.seed = 7;
    spec.cameras = cameras;
    spec.walls_in_range = 100;
    const bench::SyntheticSite site = bench::make_synthetic_site(spec);
    const double c0 = cpu_seconds();
    const geo::Obstacles obstacles = obstacles_of(site);
    const double build = cpu_seconds() - c0;
    const double c1 = cpu_seconds();
    const auto t1 = Clock::now();
    double area = 0;
    for (const Camera& c : site.cameras) area += geo::compute_viewshed(c, obstacles).area_m2;
    const double sweep = cpu_seconds() - c1;
    const double wall = seconds_since(t1);
    per_camera_us = sweep / cameras * 1e6;
    std::printf("| %6d | %7zu | %9zu | %8.3f | %8.3f | %8.3f | %8.1f |\n", cameras,
                site.walls.size(), obstacles.segment_count(), build, sweep, wall, per_camera_us);
    (void)area;
}

}  // namespace

int main(int argc, char** argv) {
    bool quick = false, heights_only = false;
    double only_walls = 0;  // --walls N: the heights table's row N alone (for profiling)
    for (int i = 1; i < argc; ++i) {
        quick = quick || std::strcmp(argv[i], "--quick") == 0;
        heights_only = heights_only || std::strcmp(argv[i], "--heights") == 0;
        if (std::strcmp(argv[i], "--walls") == 0 && i + 1 < argc) {
            only_walls = std::atof(argv[++i]);
            heights_only = true;
        }
    }
    if (!heights_only) {
        std::printf("Viewshed time per camera (range 20 m; synthetic walls, seed 42)\n\n");
        std::printf(
            "| walls* | cams   | segs in  | queried  | CPU med  | CPU p90  | wall med | wall p90 "
            "| area     |\n");
        std::printf(
            "|        |        | range    | segs     | (us)     | (us)     | (us)     | (us)     "
            "| (m2)     |\n");
        std::printf(
            "|--------|--------|----------|----------|----------|----------|----------|----------"
            "|----------|\n");
        per_camera(10, quick ? 200 : 2000);
        per_camera(100, quick ? 200 : 2000);
        per_camera(1000, quick ? 50 : 500);
        std::printf(
            "\n* target mean number of walls meeting the range disc; 'segs in range': wall "
            "segments\n  (a pillar gives 4) within the range of the eye; 'queried': those the "
            "STRtree returns\n  for the square around the range. CPU: the thread's CPU time; "
            "wall: steady_clock.\n\n");
    }

    std::printf(
        "Walls with heights: 30%% of the walls partial (1.8-2.5 m; cameras 2.6-6 m, view "
        "height 1.7 m)\nagainst the same site without heights, CPU us per camera\n\n");
    std::printf(
        "| walls* | cams   | plan    | plan    | plan    | heights | heights | heights "
        "| ratio  | ratio  | ratio  | area   | area   | overlay |\n");
    std::printf(
        "|        |        | median  | p90     | mean    | median  | p90     | mean    "
        "| median | p90    | mean   | plan   | heights| cameras |\n");
    std::printf(
        "|--------|--------|---------|---------|---------|---------|---------|---------"
        "|--------|--------|--------|--------|--------|---------|\n");
    const struct {
        double walls;
        int cameras, quick_cameras;
    } rows[] = {{10, 2000, 200}, {100, 2000, 200}, {1000, 500, 50}};
    for (const auto& r : rows)
        if (only_walls == 0 || only_walls == r.walls)
            heights_profile(r.walls, quick ? r.quick_cameras : r.cameras, 0.3);
    std::printf("\n");
    if (heights_only) return 0;

    std::printf("Whole synthetic site (about 100 walls in range per camera, seed 7)\n\n");
    std::printf("| cams   | walls   | segments  | index    | views    | views    | CPU      |\n");
    std::printf("|        |         |           | CPU (s)  | CPU (s)  | wall (s) | us/cam   |\n");
    std::printf("|--------|---------|-----------|----------|----------|----------|----------|\n");
    const int sizes[] = {1000, 5000, 10000};
    double first = 0;
    for (int n : sizes) {
        if (quick && n > 1000) break;
        double us = 0;
        whole_site(n, us);
        if (first == 0) first = us;
        std::printf("|        |         |           |          |          |          | x%-7.2f |\n",
                    us / first);
    }
    return 0;
}
