#pragma once
/// \file measure_inputs.hpp
/// \brief Inputs the IATI data does not carry: activity → objective/province shares, the
/// effectiveness questionnaire per activity × donor, government budget records, global aid.
///
/// Each is a plain struct with a CSV loader (first line = header, columns by name, extra
/// columns ignored); a bad row throws ParseError naming FILE:LINE and the column. The schemas
/// are in docs/measures.md.

#include <aidtrack/core/error.hpp>
#include <aidtrack/core/money.hpp>

#include <cstdint>
#include <istream>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace aidtrack::measures {

/// \brief A share of an activity assigned to a code (an NMAS objective, a province).
struct ActivityShare {
    std::string activity_id;            ///< IATI activity identifier
    std::string code;                   ///< objective or province code
    std::optional<Decimal> percentage;  ///< 0..100; absent = 100
    SourceLocation where;               ///< file and line it came from
};

/// \brief One effectiveness-questionnaire record per activity × donor (as in the Aid Management
/// Platform). Unknown answers stay empty; a measure counts an unknown as "no" and reports how
/// many records were unknown.
struct QuestionnaireRecord {
    std::string activity_id;                      ///< IATI activity identifier
    std::string donor;                            ///< organisation ref; empty = any donor of the activity
    std::optional<bool> budget_execution;         ///< Paris 5a / GPEDC 9b: national budget execution
    std::optional<bool> financial_reporting;      ///< national financial reporting
    std::optional<bool> auditing;                 ///< national auditing
    std::optional<bool> procurement;              ///< Paris 5b: national procurement
    std::optional<bool> technical_cooperation;    ///< the activity is technical cooperation (Paris 4 base)
    std::optional<bool> coordinated_tc;           ///< Paris 4: TC coordinated with national programmes
    std::optional<bool> programme_based;          ///< Paris 9: a PBA meeting the four criteria
    std::optional<bool> new_intervention;         ///< GPEDC 1a: a new intervention of the year
    std::optional<bool> objectives_from_country;  ///< GPEDC 1a.1 objectives from the country framework
    std::optional<bool> indicators_from_country;  ///< 1a.2 indicators from it
    std::optional<bool> government_data;          ///< 1a.3 monitored with government data
    std::optional<bool> government_evaluation;    ///< 1a.4 final evaluation with government
    std::int64_t parallel_pius = 0;               ///< Paris 6: parallel project implementation units
    SourceLocation where;                         ///< file and line it came from
};

/// \brief Aid for the government sector recorded in the government's budget, per donor × year.
struct GovernmentBudgetRecord {
    std::string donor;     ///< organisation ref
    int fiscal_year = 0;   ///< government fiscal year (by its starting calendar year)
    Money amount;          ///< amount recorded in the budget
    SourceLocation where;  ///< file and line it came from
};

/// \brief A donor's total aid to all countries in a year (for the OECD significance test).
struct GlobalAidRecord {
    std::string donor;     ///< organisation ref
    int year = 0;          ///< the year (matched to the government fiscal year)
    Money amount;          ///< the donor's global aid
    SourceLocation where;  ///< file and line it came from
};

/// \brief Reads `activity_id,<code_column>[,percentage]`.
[[nodiscard]] std::vector<ActivityShare> load_activity_shares(const std::string& path, const std::string& code_column);
/// \brief Same, from a stream; `name` is used in errors.
[[nodiscard]] std::vector<ActivityShare> load_activity_shares(std::istream& in, const std::string& name,
                                                              const std::string& code_column);

/// \brief Reads `activity_id[,donor][,budget_execution,…,parallel_pius]` (flags 1/0, yes/no,
/// true/false, y/n; empty = unknown).
[[nodiscard]] std::vector<QuestionnaireRecord> load_questionnaire(const std::string& path);
/// \brief Same, from a stream; `name` is used in errors.
[[nodiscard]] std::vector<QuestionnaireRecord> load_questionnaire(std::istream& in, const std::string& name);

/// \brief Reads `donor,fiscal_year,amount,currency`.
[[nodiscard]] std::vector<GovernmentBudgetRecord> load_government_budget(const std::string& path);
/// \brief Same, from a stream; `name` is used in errors.
[[nodiscard]] std::vector<GovernmentBudgetRecord> load_government_budget(std::istream& in, const std::string& name);

/// \brief Reads `donor,year,amount,currency`.
[[nodiscard]] std::vector<GlobalAidRecord> load_global_aid(const std::string& path);
/// \brief Same, from a stream; `name` is used in errors.
[[nodiscard]] std::vector<GlobalAidRecord> load_global_aid(std::istream& in, const std::string& name);

/// \brief The questionnaire record of (activity, donor): an exact donor match first, else one
/// with an empty donor; nullptr when none.
[[nodiscard]] const QuestionnaireRecord* find_questionnaire(const std::vector<QuestionnaireRecord>& records,
                                                            const std::string& activity_id, const std::string& donor);

/// \brief find_questionnaire() by hash on the activity identifier, for scans over many records.
/// The records must outlive the index.
class QuestionnaireIndex {
public:
    /// Indexes `records` by activity identifier.
    explicit QuestionnaireIndex(const std::vector<QuestionnaireRecord>& records);
    /// Same answer as find_questionnaire(records, activity_id, donor).
    [[nodiscard]] const QuestionnaireRecord* find(const std::string& activity_id, const std::string& donor) const;

private:
    std::unordered_map<std::string, std::vector<const QuestionnaireRecord*>> by_activity_;
};

}  // namespace aidtrack::measures
