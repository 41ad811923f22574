#pragma once
/// \file seeded_random.hpp
/// \brief A small seeded random generator whose draws are identical on every platform.
///
/// The standard library's distributions (std::normal_distribution …) are implementation-defined
/// and differ between libstdc++, libc++ and MSVC, so a forecast seeded with 42 would give other
/// percentiles elsewhere. Here every step is spelled out: xoshiro256** (Blackman & Vigna 2018)
/// seeded through splitmix64 (Steele, Lea & Flood 2014), 53-bit uniforms, and normal, lognormal
/// and triangular samplers built on own log/exp series that use only IEEE-754 +, −, ×, ÷,
/// sqrt, frexp and ldexp (each correctly rounded or exact), compiled without FMA contraction.

#include <array>
#include <cstdint>

namespace aidtrack {

/// \brief splitmix64: one 64-bit state advanced by the golden-ratio increment; used to seed.
class SplitMix64 {
public:
    explicit SplitMix64(std::uint64_t seed) noexcept : state_(seed) {}
    /// The next 64-bit output (reference: seed 0 gives 0xE220A8397B1DCDAF first).
    std::uint64_t next() noexcept;

private:
    std::uint64_t state_;
};

/// \brief xoshiro256** with portable samplers for uniform, normal, lognormal and triangular draws.
class SeededRandom {
public:
    /// Seeds the four state words from splitmix64(seed).
    explicit SeededRandom(std::uint64_t seed) noexcept;
    /// The next 64-bit output of xoshiro256**.
    std::uint64_t next() noexcept;
    /// Uniform in [0, 1): the top 53 bits × 2^-53.
    double uniform() noexcept;
    /// Standard normal by Marsaglia's polar method (second value of each pair discarded).
    double normal() noexcept;
    /// Normal with `mean` and standard deviation `sd`.
    double normal(double mean, double sd) noexcept { return mean + sd * normal(); }
    /// Lognormal: median × exp(sigma × N(0,1)).
    double lognormal(double median, double sigma) noexcept;
    /// Triangular on [low, high] with mode `mode`, by inverting its distribution function.
    double triangular(double low, double mode, double high) noexcept;

private:
    std::array<std::uint64_t, 4> s_{};
};

/// Natural logarithm from frexp and an atanh series: identical bits on every IEEE-754 platform.
[[nodiscard]] double portable_log(double x) noexcept;
/// Exponential by ln 2 range reduction, a Taylor polynomial and ldexp: identical bits everywhere.
[[nodiscard]] double portable_exp(double x) noexcept;

}  // namespace aidtrack
