#pragma once
/// \file published_series.hpp
/// \brief Identifiers of the activities that hold published country-level series.

namespace aidtrack {

/// \brief Activity identifiers under which a dataset records published country-level totals
/// (not project flows), defined once for the datasets that build them and the report that keeps
/// them apart from project money and never adds the two.
struct PublishedSeries {
    /// International contributions to mine action in the country, by year (Landmine Monitor).
    static constexpr const char* international = "AIDTRACK-KH-LM-INTL";
    /// The government's national contribution (type 4) and pledges (type 12).
    static constexpr const char* national = "AIDTRACK-KH-RGC-NATIONAL";
    /// Single donors' part of the international total as its own activity, as datasets built
    /// before the by-donor rows joined `international` recorded it; still kept apart when read.
    static constexpr const char* by_donor = "AIDTRACK-KH-LM-BY-DONOR";
};

}  // namespace aidtrack
