/// \file seeded_random.cpp
/// \brief splitmix64, xoshiro256** and portable samplers.

// Fused multiply-add would change the last bits of the series below on machines that have it.
#if defined(__clang__)
#pragma clang fp contract(off)
#elif defined(__GNUC__)
#pragma GCC optimize("fp-contract=off")
#endif

#include <aidtrack/measures/seeded_random.hpp>

#include <cmath>
#include <limits>

namespace aidtrack {
namespace {
constexpr std::uint64_t rotl(std::uint64_t x, int k) noexcept { return (x << k) | (x >> (64 - k)); }
// ln 2 split (Cody & Waite): the high part has trailing zero bits, so k × kLn2Hi is exact for
// the exponents met here and the reduction loses nothing.
constexpr double kLn2Hi = 6.93147180369123816490e-01;
constexpr double kLn2Lo = 1.90821492927058770002e-10;
}  // namespace

std::uint64_t SplitMix64::next() noexcept {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30U)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27U)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31U);
}

SeededRandom::SeededRandom(std::uint64_t seed) noexcept {
    SplitMix64 sm(seed);
    for (auto& w : s_) w = sm.next();
}

std::uint64_t SeededRandom::next() noexcept {
    const std::uint64_t result = rotl(s_[1] * 5U, 7) * 9U;
    const std::uint64_t t = s_[1] << 17U;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = rotl(s_[3], 45);
    return result;
}

double SeededRandom::uniform() noexcept { return static_cast<double>(next() >> 11U) * 0x1.0p-53; }

double SeededRandom::normal() noexcept {
    for (;;) {
        const double u = 2.0 * uniform() - 1.0;
        const double v = 2.0 * uniform() - 1.0;
        const double s = u * u + v * v;
        if (s >= 1.0 || s == 0.0) continue;
        return u * std::sqrt(-2.0 * portable_log(s) / s);
    }
}

double SeededRandom::lognormal(double median, double sigma) noexcept { return median * portable_exp(sigma * normal()); }

double SeededRandom::triangular(double low, double mode, double high) noexcept {
    if (!(high > low)) return low;
    const double u = uniform();
    const double split = (mode - low) / (high - low);
    if (u < split) return low + std::sqrt(u * (high - low) * (mode - low));
    return high - std::sqrt((1.0 - u) * (high - low) * (high - mode));
}

double portable_log(double x) noexcept {
    if (std::isnan(x) || x < 0) return std::numeric_limits<double>::quiet_NaN();
    if (x == 0) return -std::numeric_limits<double>::infinity();
    if (std::isinf(x)) return x;
    int e = 0;
    double m = std::frexp(x, &e);  // x = m × 2^e, m in [0.5, 1), exact
    if (m < 0.70710678118654752440) {
        m *= 2.0;  // exact
        e -= 1;
    }
    // log(m) = 2 atanh(s), s = (m − 1)/(m + 1), |s| ≤ 0.1716: 13 odd terms reach 1e-20.
    const double s = (m - 1.0) / (m + 1.0);
    const double s2 = s * s;
    double sum = 0.0;
    for (int k = 25; k >= 3; k -= 2) sum = (sum + 1.0 / k) * s2;
    const double log_m = 2.0 * s * (1.0 + sum);
    return (static_cast<double>(e) * kLn2Lo + log_m) + static_cast<double>(e) * kLn2Hi;
}

double portable_exp(double x) noexcept {
    if (std::isnan(x)) return x;
    if (x > 709.0) return std::numeric_limits<double>::infinity();
    if (x < -745.0) return 0.0;
    const double k = std::floor(x / (kLn2Hi + kLn2Lo) + 0.5);
    const double r = (x - k * kLn2Hi) - k * kLn2Lo;  // |r| ≤ 0.35
    // Taylor series to r^20/20!, Horner form.
    double sum = 1.0;
    for (int n = 20; n >= 1; --n) sum = 1.0 + sum * r / n;
    return std::ldexp(sum, static_cast<int>(k));
}

}  // namespace aidtrack
