#include "Hypervolume.h"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <map>
#include <stdexcept>
#include <string>

namespace archscape {

namespace {

using Point = std::vector<double>;

void requireValid(const std::vector<Point>& points, const Point& reference)
{
    if (reference.empty())
        throw std::invalid_argument("Hypervolume: the reference point has no objectives");
    if (std::any_of(reference.begin(), reference.end(), [](double v) { return std::isnan(v); }))
        throw std::invalid_argument("Hypervolume: the reference point holds a NaN");
    for (const auto& point : points) {
        if (point.size() != reference.size())
            throw std::invalid_argument("Hypervolume: a point has " + std::to_string(point.size())
                                        + " objectives, the reference " + std::to_string(reference.size()));
    }
}

bool strictlyBetter(const Point& point, const Point& reference)
{
    for (std::size_t i = 0; i < point.size(); ++i) {
        if (!(point[i] < reference[i]))
            return false;
    }
    return true;
}

double boxVolume(const Point& point, const Point& reference)
{
    double volume = 1.0;
    for (std::size_t i = 0; i < point.size(); ++i)
        volume *= reference[i] - point[i];
    return volume;
}

double sweep2d(std::vector<Point> points, const Point& reference)
{
    std::sort(points.begin(), points.end());
    double area = 0.0;
    double lowestY = reference[1];
    for (const auto& point : points) {
        if (point[1] < lowestY) {
            area += (reference[0] - point[0]) * (lowestY - point[1]);
            lowestY = point[1];
        }
    }
    return area;
}

// The non-dominated staircase of 2-D points (x ascending, y strictly
// descending) and the area it dominates up to the reference, kept up to date
// on each insertion so the 3-D sweep never recomputes it.
class Staircase2d
{
public:
    Staircase2d(double referenceX, double referenceY) : referenceX_(referenceX), referenceY_(referenceY) {}

    double area() const { return area_; }

    void insert(double x, double y)
    {
        auto atOrLeft = steps_.upper_bound(x);
        if (atOrLeft != steps_.begin() && std::prev(atOrLeft)->second <= y)
            return; // dominated by, or equal to, a step already there

        auto first = steps_.lower_bound(x);
        auto left = first == steps_.begin() ? steps_.end() : std::prev(first);
        if (left != steps_.end())
            area_ -= stripArea(left);
        auto last = first;
        for (; last != steps_.end() && last->second >= y; ++last)
            area_ -= stripArea(last);
        steps_.erase(first, last);

        auto inserted = steps_.emplace(x, y).first;
        area_ += stripArea(inserted);
        if (left != steps_.end())
            area_ += stripArea(left);
    }

private:
    using Steps = std::map<double, double>;

    // The area one step adds: from its x to the next step's, down from the reference y.
    double stripArea(Steps::const_iterator step) const
    {
        auto next = std::next(step);
        const double nextX = next == steps_.end() ? referenceX_ : next->first;
        return (nextX - step->first) * (referenceY_ - step->second);
    }

    double referenceX_;
    double referenceY_;
    Steps steps_;
    double area_ = 0.0;
};

double sweep3d(std::vector<Point> points, const Point& reference)
{
    std::sort(points.begin(), points.end(), [](const Point& a, const Point& b) { return a[2] < b[2]; });
    Staircase2d staircase(reference[0], reference[1]);
    double volume = 0.0;
    for (std::size_t i = 0; i < points.size(); ++i) {
        staircase.insert(points[i][0], points[i][1]);
        const double nextZ = i + 1 < points.size() ? points[i + 1][2] : reference[2];
        if (nextZ > points[i][2])
            volume += staircase.area() * (nextZ - points[i][2]);
    }
    return volume;
}

// Every point must be strictly better than the reference.
double dominatedVolume(std::vector<Point> points, const Point& reference)
{
    if (points.empty())
        return 0.0;
    const std::size_t objectives = reference.size();
    switch (objectives) {
    case 1: {
        double best = points.front()[0];
        for (const auto& point : points)
            best = std::min(best, point[0]);
        return reference[0] - best;
    }
    case 2:
        return sweep2d(std::move(points), reference);
    case 3:
        return sweep3d(std::move(points), reference);
    default:
        break;
    }

    // Slices between consecutive values of the last objective: each is a slab
    // whose cross-section is the lower-dimensional volume of the points below it.
    const std::size_t last = objectives - 1;
    std::sort(points.begin(), points.end(), [last](const Point& a, const Point& b) { return a[last] < b[last]; });
    const Point lowerReference(reference.begin(), reference.end() - 1);
    std::vector<Point> below;
    double volume = 0.0;
    for (std::size_t i = 0; i < points.size(); ++i) {
        below.emplace_back(points[i].begin(), points[i].end() - 1);
        const double nextValue = i + 1 < points.size() ? points[i + 1][last] : reference[last];
        if (nextValue > points[i][last])
            volume += dominatedVolume(below, lowerReference) * (nextValue - points[i][last]);
    }
    return volume;
}

} // namespace

double Hypervolume::compute(const std::vector<std::vector<double>>& points, const std::vector<double>& reference)
{
    requireValid(points, reference);
    std::vector<Point> inside;
    for (const auto& point : points) {
        if (strictlyBetter(point, reference))
            inside.push_back(point);
    }
    return dominatedVolume(std::move(inside), reference);
}

double Hypervolume::contribution(const std::vector<std::vector<double>>& points, std::size_t index,
                                 const std::vector<double>& reference)
{
    requireValid(points, reference);
    if (index >= points.size())
        throw std::out_of_range("Hypervolume::contribution: index outside the points");
    const Point& point = points[index];
    if (!strictlyBetter(point, reference))
        return 0.0;

    // What the others dominate inside this point's box, computed directly
    // rather than as compute(all) - compute(others), which would lose the
    // small difference of two large volumes to rounding.
    std::vector<Point> clipped;
    for (std::size_t j = 0; j < points.size(); ++j) {
        if (j == index || !strictlyBetter(points[j], reference))
            continue;
        Point corner(point.size());
        for (std::size_t m = 0; m < point.size(); ++m)
            corner[m] = std::max(point[m], points[j][m]);
        clipped.push_back(std::move(corner));
    }
    return std::max(0.0, boxVolume(point, reference) - dominatedVolume(std::move(clipped), reference));
}

} // namespace archscape
