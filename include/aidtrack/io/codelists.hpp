#pragma once
/// \file codelists.hpp
/// \brief The official IATI 2.03 codelists shipped under data/iati/codelists/, code -> name.

#include <aidtrack/core/text.hpp>
#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace aidtrack {

/// \brief One IATI codelist: its codes with their English names and whether each is withdrawn.
struct Codelist {
    std::string name;                                       ///< list name = file stem, e.g. "TransactionType"
    std::map<std::string, std::string, std::less<>> names;  ///< code -> English name ("" when none)
    std::map<std::string, bool, std::less<>> withdrawn;     ///< code -> status="withdrawn"
};

/// \brief A set of IATI codelists, looked up by list name (file stem) and code.
///
/// The official set is read once from data_file("iati/codelists/<List>.xml") with pugixml;
/// every list of the directory is loaded once, on first use. Codes compare exactly (IATI codes are
/// case-sensitive strings such as "15250", "KH", "USD", "A02").
class Codelists {
public:
    /// The shipped IATI 2.03 codelists (thread-safe lazy singleton).
    static const Codelists& official();
    /// Reads every `*.xml` in `directory`; throws IoError/ParseError naming the file.
    static Codelists from_directory(const std::string& directory);

    /// \brief The hashed codes of one list, for checking many codes against it: found once with
    /// Codelists::codes_of, so that each check hashes the code alone.
    class CodeIndex {
    public:
        /// True when the list holds `code`.
        [[nodiscard]] bool contains(std::string_view code) const { return codes_.find(code) != codes_.end(); }

    private:
        friend class Codelists;
        std::unordered_set<std::string, TextHash, std::equal_to<>> codes_;
    };

    /// True when `list` is known and holds `code`. Unknown lists give false.
    [[nodiscard]] bool contains(std::string_view list, std::string_view code) const;
    /// The codes of `list` for repeated checks, valid as long as this Codelists; nullptr when no
    /// list called `list` is loaded.
    [[nodiscard]] const CodeIndex* codes_of(std::string_view list) const;
    /// True when a list called `list` is loaded.
    [[nodiscard]] bool has_list(std::string_view list) const;
    /// English name of `code` in `list`; empty when the list or code is unknown.
    [[nodiscard]] std::string name_of(std::string_view list, std::string_view code) const;
    /// True when `code` is on `list` but marked withdrawn.
    [[nodiscard]] bool withdrawn(std::string_view list, std::string_view code) const;
    /// All codes of `list` in code order; empty when unknown.
    [[nodiscard]] std::vector<std::string> codes(std::string_view list) const;
    /// Names of the loaded lists.
    [[nodiscard]] std::vector<std::string> lists() const;
    /// Version of the IATI standard the lists belong to (e.g. "2.03").
    [[nodiscard]] std::string version() const;
    /// Where the lists came from (directory, and upstream source).
    [[nodiscard]] std::string source() const;

private:
    void build_index();

    std::map<std::string, Codelist, std::less<>> lists_;
    // The codes of each list again, hashed: the reader checks every coded attribute it reads.
    std::unordered_map<std::string, CodeIndex, TextHash, std::equal_to<>> index_;
    std::string version_;
    std::string source_;
};

}  // namespace aidtrack
