/// \file measure_inputs.cpp
/// \brief CSV loaders of the measures' non-IATI inputs.

#include <aidtrack/measures/measure_inputs.hpp>

#include <aidtrack/core/csv_reader.hpp>

#include <fstream>
#include <initializer_list>

namespace aidtrack::measures {

namespace {

std::ifstream open(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw IoError("cannot open '" + path + "'", {path, 0, {}});
    return in;
}

// A header is required, and must name `columns`, before any row is read.
void require_columns(const CsvRows& rows, std::initializer_list<std::string> columns) {
    rows.require_header();
    for (const auto& c : columns) rows.require(c);
}

}  // namespace

std::vector<ActivityShare> load_activity_shares(std::istream& in, const std::string& name,
                                                const std::string& code_column) {
    CsvRows rows(in, name);
    require_columns(rows, {"activity_id", code_column});
    std::vector<ActivityShare> out;
    while (rows.next()) {
        const CsvRow& row = rows.row();
        ActivityShare s{row.text("activity_id"), row.text(code_column), std::nullopt, row.where()};
        if (const auto p = row.optional_decimal("percentage")) {
            if (p->is_negative() || *p > Decimal(100)) {
                row.fail("percentage", "percentage " + p->to_string() + " is outside 0..100", "percentage-range");
            }
            s.percentage = *p;
        }
        out.push_back(std::move(s));
    }
    return out;
}

std::vector<ActivityShare> load_activity_shares(const std::string& path, const std::string& code_column) {
    auto in = open(path);
    return load_activity_shares(in, path, code_column);
}

std::vector<QuestionnaireRecord> load_questionnaire(std::istream& in, const std::string& name) {
    CsvRows rows(in, name);
    require_columns(rows, {"activity_id"});
    std::vector<QuestionnaireRecord> out;
    while (rows.next()) {
        const CsvRow& row = rows.row();
        QuestionnaireRecord r;
        r.activity_id = row.text("activity_id");
        r.donor = row.optional_text("donor");
        r.budget_execution = row.optional_boolean("budget_execution");
        r.financial_reporting = row.optional_boolean("financial_reporting");
        r.auditing = row.optional_boolean("auditing");
        r.procurement = row.optional_boolean("procurement");
        r.technical_cooperation = row.optional_boolean("technical_cooperation");
        r.coordinated_tc = row.optional_boolean("coordinated_tc");
        r.programme_based = row.optional_boolean("programme_based");
        r.new_intervention = row.optional_boolean("new_intervention");
        r.objectives_from_country = row.optional_boolean("objectives_from_country");
        r.indicators_from_country = row.optional_boolean("indicators_from_country");
        r.government_data = row.optional_boolean("government_data");
        r.government_evaluation = row.optional_boolean("government_evaluation");
        if (const auto pius = row.optional_integer("parallel_pius")) {
            if (*pius < 0) row.fail("parallel_pius", "parallel_pius cannot be negative", "non-negative");
            r.parallel_pius = *pius;
        }
        r.where = row.where();
        out.push_back(std::move(r));
    }
    return out;
}

std::vector<QuestionnaireRecord> load_questionnaire(const std::string& path) {
    auto in = open(path);
    return load_questionnaire(in, path);
}

std::vector<GovernmentBudgetRecord> load_government_budget(std::istream& in, const std::string& name) {
    CsvRows rows(in, name);
    require_columns(rows, {"donor", "fiscal_year", "amount", "currency"});
    std::vector<GovernmentBudgetRecord> out;
    while (rows.next()) {
        const CsvRow& row = rows.row();
        out.push_back({row.text("donor"), row.integer<int>("fiscal_year"),
                       Money(row.decimal("amount"), row.currency("currency")), row.where()});
    }
    return out;
}

std::vector<GovernmentBudgetRecord> load_government_budget(const std::string& path) {
    auto in = open(path);
    return load_government_budget(in, path);
}

std::vector<GlobalAidRecord> load_global_aid(std::istream& in, const std::string& name) {
    CsvRows rows(in, name);
    require_columns(rows, {"donor", "year", "amount", "currency"});
    std::vector<GlobalAidRecord> out;
    while (rows.next()) {
        const CsvRow& row = rows.row();
        out.push_back({row.text("donor"), row.integer<int>("year"),
                       Money(row.decimal("amount"), row.currency("currency")), row.where()});
    }
    return out;
}

std::vector<GlobalAidRecord> load_global_aid(const std::string& path) {
    auto in = open(path);
    return load_global_aid(in, path);
}

const QuestionnaireRecord* find_questionnaire(const std::vector<QuestionnaireRecord>& records,
                                              const std::string& activity_id, const std::string& donor) {
    const QuestionnaireRecord* any = nullptr;
    for (const auto& r : records) {
        if (r.activity_id != activity_id) continue;
        if (r.donor == donor) return &r;
        if (r.donor.empty() && any == nullptr) any = &r;
    }
    return any;
}

QuestionnaireIndex::QuestionnaireIndex(const std::vector<QuestionnaireRecord>& records) {
    for (const auto& r : records) by_activity_[r.activity_id].push_back(&r);
}

const QuestionnaireRecord* QuestionnaireIndex::find(const std::string& activity_id, const std::string& donor) const {
    const auto it = by_activity_.find(activity_id);
    if (it == by_activity_.end()) return nullptr;
    const QuestionnaireRecord* any = nullptr;
    for (const QuestionnaireRecord* r : it->second) {
        if (r->donor == donor) return r;
        if (r->donor.empty() && any == nullptr) any = r;
    }
    return any;
}

}  // namespace aidtrack::measures
