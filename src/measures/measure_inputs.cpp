/// \file measure_inputs.cpp
/// \brief CSV loaders of the measures' non-IATI inputs.

#include <aidtrack/measures/measure_inputs.hpp>

#include <aidtrack/core/csv_reader.hpp>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <fstream>

namespace aidtrack::measures {

namespace {

std::ifstream open(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw IoError("cannot open '" + path + "'", {path, 0, {}});
    return in;
}

std::string trimmed(std::string s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.pop_back();
    std::size_t b = 0;
    while (b < s.size() && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
    return s.substr(b);
}

/// Header + rows with a helper to read cells by column name.
class Rows {
public:
    Rows(std::istream& in, const std::string& name) : reader_(in, name) {
        std::vector<std::string> names;
        if (!reader_.next(names)) throw ParseError("empty file: a header line is required", {name, 1, {}});
        header_ = CsvHeader(names, reader_.where());
    }
    bool next() {
        while (reader_.next(fields_)) {
            if (std::ranges::all_of(fields_, [](const std::string& f) { return trimmed(f).empty(); })) continue;
            return true;
        }
        return false;
    }
    [[nodiscard]] std::size_t require(const std::string& c) const { return header_.require(c); }
    [[nodiscard]] std::size_t find(const std::string& c) const { return header_.find(c); }
    [[nodiscard]] std::string cell(std::size_t i) const { return i < fields_.size() ? trimmed(fields_[i]) : std::string{}; }
    [[nodiscard]] SourceLocation where(const std::string& c = {}) const { return reader_.where(c); }
    [[nodiscard]] std::string required(const std::string& c) const {
        std::string v = cell(require(c));
        if (v.empty()) throw ParseError("empty " + c, where(c), "required-value");
        return v;
    }
    [[nodiscard]] int integer(const std::string& c) const {
        const std::string v = required(c);
        int out = 0;
        const auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), out);
        if (ec != std::errc{} || p != v.data() + v.size()) throw ParseError("'" + v + "' is not a whole number", where(c), "integer");
        return out;
    }
    [[nodiscard]] Decimal decimal(const std::string& c) const {
        const std::string v = required(c);
        Decimal out;
        std::string why;
        if (!Decimal::try_parse(v, out, &why)) throw ParseError("'" + v + "' is not a decimal number: " + why, where(c), "decimal");
        return out;
    }
    [[nodiscard]] CurrencyCode currency(const std::string& c) const {
        const std::string v = required(c);
        try {
            return CurrencyCode(v);
        } catch (const CurrencyError& e) {
            throw ParseError(e.message(), where(c), "currency-code");
        }
    }
    [[nodiscard]] std::optional<bool> flag(const std::string& c) const {
        const std::size_t i = find(c);
        if (i == CsvHeader::npos) return std::nullopt;
        std::string v = cell(i);
        std::ranges::transform(v, v.begin(), [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
        if (v.empty()) return std::nullopt;
        if (v == "1" || v == "yes" || v == "y" || v == "true") return true;
        if (v == "0" || v == "no" || v == "n" || v == "false") return false;
        throw ParseError("'" + v + "' is not a yes/no flag (1/0, yes/no, true/false, y/n)", where(c), "flag");
    }

private:
    CsvReader reader_;
    CsvHeader header_;
    std::vector<std::string> fields_;
};

}  // namespace

std::vector<ActivityShare> load_activity_shares(std::istream& in, const std::string& name, const std::string& code_column) {
    Rows rows(in, name);
    (void)rows.require("activity_id");
    (void)rows.require(code_column);
    const std::size_t pct = rows.find("percentage");
    std::vector<ActivityShare> out;
    while (rows.next()) {
        ActivityShare s{rows.required("activity_id"), rows.required(code_column), std::nullopt, rows.where()};
        if (pct != CsvHeader::npos && !rows.cell(pct).empty()) {
            const Decimal p = rows.decimal("percentage");
            if (p.is_negative() || p > Decimal(100)) throw ParseError("percentage " + p.to_string() + " is outside 0..100", rows.where("percentage"), "percentage-range");
            s.percentage = p;
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
    Rows rows(in, name);
    (void)rows.require("activity_id");
    const std::size_t donor = rows.find("donor");
    const std::size_t pius = rows.find("parallel_pius");
    std::vector<QuestionnaireRecord> out;
    while (rows.next()) {
        QuestionnaireRecord r;
        r.activity_id = rows.required("activity_id");
        if (donor != CsvHeader::npos) r.donor = rows.cell(donor);
        r.budget_execution = rows.flag("budget_execution");
        r.financial_reporting = rows.flag("financial_reporting");
        r.auditing = rows.flag("auditing");
        r.procurement = rows.flag("procurement");
        r.technical_cooperation = rows.flag("technical_cooperation");
        r.coordinated_tc = rows.flag("coordinated_tc");
        r.programme_based = rows.flag("programme_based");
        r.new_intervention = rows.flag("new_intervention");
        r.objectives_from_country = rows.flag("objectives_from_country");
        r.indicators_from_country = rows.flag("indicators_from_country");
        r.government_data = rows.flag("government_data");
        r.government_evaluation = rows.flag("government_evaluation");
        if (pius != CsvHeader::npos && !rows.cell(pius).empty()) {
            r.parallel_pius = rows.integer("parallel_pius");
            if (r.parallel_pius < 0) throw ParseError("parallel_pius cannot be negative", rows.where("parallel_pius"), "non-negative");
        }
        r.where = rows.where();
        out.push_back(std::move(r));
    }
    return out;
}

std::vector<QuestionnaireRecord> load_questionnaire(const std::string& path) {
    auto in = open(path);
    return load_questionnaire(in, path);
}

std::vector<GovernmentBudgetRecord> load_government_budget(std::istream& in, const std::string& name) {
    Rows rows(in, name);
    for (const char* c : {"donor", "fiscal_year", "amount", "currency"}) (void)rows.require(c);
    std::vector<GovernmentBudgetRecord> out;
    while (rows.next()) {
        out.push_back({rows.required("donor"), rows.integer("fiscal_year"), Money(rows.decimal("amount"), rows.currency("currency")), rows.where()});
    }
    return out;
}

std::vector<GovernmentBudgetRecord> load_government_budget(const std::string& path) {
    auto in = open(path);
    return load_government_budget(in, path);
}

std::vector<GlobalAidRecord> load_global_aid(std::istream& in, const std::string& name) {
    Rows rows(in, name);
    for (const char* c : {"donor", "year", "amount", "currency"}) (void)rows.require(c);
    std::vector<GlobalAidRecord> out;
    while (rows.next()) {
        out.push_back({rows.required("donor"), rows.integer("year"), Money(rows.decimal("amount"), rows.currency("currency")), rows.where()});
    }
    return out;
}

std::vector<GlobalAidRecord> load_global_aid(const std::string& path) {
    auto in = open(path);
    return load_global_aid(in, path);
}

const QuestionnaireRecord* find_questionnaire(const std::vector<QuestionnaireRecord>& records, const std::string& activity_id,
                                              const std::string& donor) {
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
