/// \file iati_organisation_file.cpp
/// \brief IATI organisation files (see iati_organisation_file.hpp).

#include "iati_organisation_file.hpp"

#include <string>
#include <string_view>

namespace aidtrack::iati_detail {
namespace {

using pugi::xml_node;

void add_finance_columns(Table& table) {
    table.add_column<std::string>("organisation", "organisation-identifier");
    table.add_column<std::string>(
        "kind",
        "total-budget, recipient-org-budget, recipient-country-budget, recipient-region-budget or total-expenditure");
    table.add_column<std::string>("status", "BudgetStatus code as published");
    table.add_column<Date>("period_start");
    table.add_column<Date>("period_end");
    table.add_column<Decimal>("value", "exact, in the original currency");
    table.add_column<std::string>("currency", "value/@currency, else the organisation's @default-currency");
    table.add_column<std::string>("recipient", "recipient organisation ref, country or region code");
    table.add_column<std::string>("file");
    table.add_column<std::int64_t>("line");
}

bool is_finance_element(std::string_view name) {
    return name == "total-budget" || name == "recipient-org-budget" || name == "recipient-country-budget" ||
           name == "recipient-region-budget" || name == "total-expenditure";
}

// One budget or expenditure line of organisation `ref`: a row of the finances table, or left out
// (and counted as skipped) without a valid period and value.
void read_finance(const xml_node& e, const std::string& ref, const std::string& default_currency, ValueReader& in,
                  IatiReadResult& result) {
    const auto period = in.period(e, e.name());
    const xml_node value = e.child("value");
    if (!value) {
        in.drop(e, "value-present", std::string(e.name()) + " without <value>; left out");
        ++result.records_skipped;
        return;
    }
    Money money;
    const PendingMoney pending{value.child_value(), attribute_view(value, "currency"), value};
    if (!period || !in.settle_money(pending, default_currency, money, e.name())) {
        ++result.records_skipped;
        return;
    }
    std::string recipient;
    if (const xml_node r = e.child("recipient-org")) recipient = r.attribute("ref").as_string();
    if (const xml_node r = e.child("recipient-country")) recipient = r.attribute("code").as_string();
    if (const xml_node r = e.child("recipient-region")) recipient = r.attribute("code").as_string();
    Table& table = result.organisation_finances;
    table.push(0, ref);
    table.push(1, std::string(e.name()));
    table.push(2, attribute_text(e, "status"));
    table.push(3, period->start());
    table.push(4, period->end());
    table.push(5, money.amount());
    table.push(6, money.currency().str());
    table.push(7, recipient);
    table.push(8, in.file());
    table.push(9, static_cast<std::int64_t>(in.line_of(e)));
}

// An organisation is known by its organisation-identifier, else its reporting-org's ref.
void read_organisation(const xml_node& node, ValueReader& in, Portfolio& portfolio, IatiReadResult& result) {
    Organisation o;
    o.ref = std::string(trim(node.child_value("organisation-identifier")));
    const xml_node reporting = node.child("reporting-org");
    if (o.ref.empty()) o.ref = attribute_text(reporting, "ref");
    if (o.ref.empty()) {
        in.drop(node, "identifier-present", "iati-organisation without <organisation-identifier>; left out");
        return;
    }
    o.name = text_of(ValueReader::narratives(node.child("name")));
    if (o.name.empty()) o.name = text_of(ValueReader::narratives(reporting));
    o.type = attribute_text(reporting, "type");
    o.provenance = {in.file(), in.line_of(node), Evidence::reported, "IATI organisation file"};
    const std::string default_currency = attribute_text(node, "default-currency");
    for (const xml_node c : node.children()) {
        if (is_finance_element(c.name())) read_finance(c, o.ref, default_currency, in, result);
    }
    portfolio.upsert_organisation(std::move(o));
    ++result.organisations;
}

}  // namespace

void read_organisations(const xml_node& root, bool truncated, ValueReader& in, Portfolio& portfolio,
                        IatiReadResult& result) {
    Table& table = result.organisation_finances;
    if (table.column_count() == 0) add_finance_columns(table);
    const std::size_t rows_before = table.row_count();
    const std::size_t orgs_before = result.organisations;
    xml_node last;
    if (truncated) {
        for (const xml_node o : root.children("iati-organisation")) last = o;
    }
    for (const xml_node o : root.children("iati-organisation")) {
        if (o == last) {
            in.drop(o, "well-formed", "the file ends inside this organisation; left out");
            continue;
        }
        read_organisation(o, in, portfolio, result);
    }
    result.notes.push_back(in.file() +
                           ": iati-organisations file: " + std::to_string(result.organisations - orgs_before) +
                           " organisations kept as Organisation records of the Portfolio; " +
                           std::to_string(table.row_count() - rows_before) +
                           " budget/expenditure lines kept in the read result's organisation_finances table (not in "
                           "the Portfolio)");
}

}  // namespace aidtrack::iati_detail
