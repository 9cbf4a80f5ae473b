// A deterministic synthetic site for benchmarks: random walls and cameras in a square, at a wall
// density chosen for a target number of walls within a camera's range.
#pragma once

#include <cstdint>
#include <vector>

#include "model/site.hpp"

namespace camaudit::bench {

struct SyntheticSpec {
    std::uint32_t seed = 1;
    int cameras = 1000;
    double camera_spacing = 10;   // metres: one camera per spacing² of site
    double range = 20;            // every camera's range
    double walls_in_range = 100;  // the expected number of walls meeting a camera's range disc
    double partial_fraction = 0;  // the share of walls with a height (partitions, booths)
};

struct SyntheticSite {
    std::vector<Wall> walls;
    std::vector<Camera> cameras;
    double side = 0;  // the cameras' square is [0, side]²; walls extend `range` beyond it
};

// Walls are straight segments of length uniform in [1, 6] m (5% are 1-3 m square pillars);
// a disc of radius r meets on average density * (π r² + 2 r L) of them, which gives the
// density. Cameras: 70% fixed (hfov 60-120), 15% panoramic, 15% PTZ; 10% are placed on a wall.
// Heights come from a second generator (the same walls and cameras whatever partial_fraction):
// cameras at 2.6-6 m; with partial_fraction > 0, that share of the walls (and pillars) gets a
// height of 1.8-2.5 m, each of which hides something at the default view height of 1.7 m.
SyntheticSite make_synthetic_site(const SyntheticSpec& spec);

}  // namespace camaudit::bench
