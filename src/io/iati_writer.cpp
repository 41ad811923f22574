/// \file iati_writer.cpp
/// \brief Portfolio → IATI 2.03 activity XML with pugixml, in the XSD's element order.

#include <aidtrack/core/error.hpp>
#include <aidtrack/io/archive.hpp>
#include <aidtrack/io/iati_writer.hpp>

#include <boost/date_time/posix_time/posix_time.hpp>
#include <pugixml.hpp>

#include <ostream>
#include <sstream>

namespace aidtrack {
namespace {

/// Builds the document of one write and collects what keeps it from validating.
class Writer {
public:
    Writer(const Portfolio& portfolio, const IatiWriteOptions& options) : portfolio_(portfolio), options_(options) {
        budgets_.resize(portfolio.activity_count());
        planned_.resize(portfolio.activity_count());
        for (std::size_t i = 0; i < portfolio.budgets().size(); ++i) {
            const auto a = portfolio.budgets()[i].activity;
            if (a < budgets_.size()) budgets_[a].push_back(i);
        }
        for (std::size_t i = 0; i < portfolio.planned_disbursements().size(); ++i) {
            const auto a = portfolio.planned_disbursements()[i].activity;
            if (a < planned_.size()) planned_[a].push_back(i);
        }
    }

    void build(pugi::xml_document& doc) {
        pugi::xml_node decl = doc.append_child(pugi::node_declaration);
        decl.append_attribute("version") = "1.0";
        decl.append_attribute("encoding") = "UTF-8";
        pugi::xml_node root = doc.append_child("iati-activities");
        root.append_attribute("version") = "2.03";
        std::string generated = options_.generated_datetime;
        if (generated.empty()) {
            generated =
                boost::posix_time::to_iso_extended_string(boost::posix_time::second_clock::universal_time()) + "Z";
        }
        root.append_attribute("generated-datetime") = generated.c_str();
        if (options_.activities.empty()) {
            for (std::uint32_t i = 0; i < portfolio_.activity_count(); ++i) activity(root, i);
        } else {
            for (const std::uint32_t i : options_.activities) {
                if (i >= portfolio_.activity_count()) {
                    throw NotFoundError("no activity with index " + std::to_string(i) + " (the portfolio holds " +
                                        std::to_string(portfolio_.activity_count()) + ")");
                }
                activity(root, i);
            }
        }
        if (filled_value_dates_ > 0) {
            diagnostics_.push_back({Severity::warning,
                                    "ValidationError",
                                    "value-date-filled",
                                    std::to_string(filled_value_dates_) +
                                        " value(s) had no value-date; the transaction date or period start was written",
                                    {}});
        }
    }

    Diagnostics take_diagnostics() { return std::move(diagnostics_); }

private:
    // --- small pieces -------------------------------------------------------------------------
    void missing(const Activity& a, const std::string& what) {
        diagnostics_.push_back({Severity::error,
                                "ValidationError",
                                "iati-required-element",
                                "activity " + a.identifier + " has no " + what + ", which IATI 2.03 requires",
                                {a.provenance.source, a.provenance.line, "iati-activity"}});
    }
    static void set(pugi::xml_node n, const char* name, const std::string& value) {
        if (!value.empty()) n.append_attribute(name) = value.c_str();
    }
    static void set_date(pugi::xml_node n, const char* name, const Date& d) {
        n.append_attribute(name) = to_iso(d).c_str();
    }
    static std::string decimal(const Decimal& d) { return d.to_string(0); }
    static void narratives(pugi::xml_node parent, const Narratives& ns) {
        for (const Narrative& n : ns) {
            pugi::xml_node e = parent.append_child("narrative");
            set(e, "xml:lang", n.lang);
            e.text() = n.text.c_str();
        }
    }
    /// `<name>` with narratives, only when there are some.
    static void text_element(pugi::xml_node parent, const char* name, const Narratives& ns) {
        if (!ns.empty()) narratives(parent.append_child(name), ns);
    }
    static void code_element(pugi::xml_node parent, const char* name, const std::string& code) {
        if (!code.empty()) parent.append_child(name).append_attribute("code") = code.c_str();
    }
    void value(pugi::xml_node parent, const Money& money, const std::optional<Date>& value_date, const Date& fallback,
               const Activity& a, const char* owner) {
        pugi::xml_node v = parent.append_child("value");
        if (!money.currency().empty()) {
            v.append_attribute("currency") = money.currency().str().c_str();
        } else if (a.default_currency.empty()) {
            missing(a, std::string("currency on a ") + owner + " value");
        }
        if (value_date) {
            set_date(v, "value-date", *value_date);
        } else if (options_.fill_value_date && !fallback.is_special()) {
            set_date(v, "value-date", fallback);
            ++filled_value_dates_;
        } else {
            missing(a, std::string("value-date on a ") + owner + " value");
        }
        v.text() = decimal(money.amount()).c_str();
    }
    void period(pugi::xml_node parent, const Period& p) {
        if (p.start().is_special()) return;
        set_date(parent.append_child("period-start"), "iso-date", p.start());
        set_date(parent.append_child("period-end"), "iso-date", p.end());
    }

    // --- the activity -------------------------------------------------------------------------
    // Its children in the XSD's order, a group of them per function.
    void activity(pugi::xml_node root, std::uint32_t index) {
        const Activity& a = portfolio_.activity(index);
        pugi::xml_node e = root.append_child("iati-activity");
        set(e, "last-updated-datetime", a.last_updated);
        set(e, "xml:lang", a.default_lang);
        set(e, "default-currency", a.default_currency);
        if (a.humanitarian) e.append_attribute("humanitarian") = "1";
        e.append_attribute("hierarchy") = a.hierarchy;
        identification(e, a);
        participants_and_dates(e, a);
        geography_and_sectors(e, a);
        classifications(e, a);
        records(e, a, index);
    }

    void identification(pugi::xml_node e, const Activity& a) {
        e.append_child("iati-identifier").text() = a.identifier.c_str();
        pugi::xml_node rep = e.append_child("reporting-org");
        rep.append_attribute("ref") = a.reporting_org.ref.c_str();
        rep.append_attribute("type") = a.reporting_org.type.c_str();
        if (a.reporting_org.secondary_reporter) rep.append_attribute("secondary-reporter") = "1";
        narratives(rep, a.reporting_org.name);
        if (a.reporting_org.ref.empty() || a.reporting_org.type.empty() || a.reporting_org.name.empty()) {
            missing(a, "reporting-org @ref, @type and name");
        }
        narratives(e.append_child("title"), a.title);
        if (a.title.empty()) missing(a, "title");
        if (a.description.empty()) {
            missing(a, "description");
        } else {
            narratives(e.append_child("description"), a.description);
        }
    }

    void participants_and_dates(pugi::xml_node e, const Activity& a) {
        for (const ParticipatingOrg& p : a.participating_orgs) {
            pugi::xml_node o = e.append_child("participating-org");
            set(o, "ref", p.ref);
            o.append_attribute("role") = static_cast<int>(p.role);
            set(o, "type", p.type);
            set(o, "activity-id", p.activity_id);
            set(o, "crs-channel-code", p.crs_channel_code);
            narratives(o, p.name);
        }
        if (a.participating_orgs.empty()) missing(a, "participating-org");
        if (a.status.empty()) {
            missing(a, "activity-status");
        } else {
            code_element(e, "activity-status", a.status);
        }
        const std::pair<int, const std::optional<Date>*> dates[] = {
            {1, &a.planned_start}, {2, &a.actual_start}, {3, &a.planned_end}, {4, &a.actual_end}};
        bool any_date = false;
        for (const auto& [type, date] : dates) {
            if (!*date) continue;
            pugi::xml_node d = e.append_child("activity-date");
            d.append_attribute("type") = type;
            set_date(d, "iso-date", **date);
            any_date = true;
        }
        if (!any_date) missing(a, "activity-date");
    }

    void geography_and_sectors(pugi::xml_node e, const Activity& a) {
        for (const CountryShare& c : a.recipient_countries) {
            pugi::xml_node n = e.append_child("recipient-country");
            n.append_attribute("code") = c.code.c_str();
            if (c.percentage) n.append_attribute("percentage") = decimal(*c.percentage).c_str();
            narratives(n, c.name);
        }
        for (const RegionShare& r : a.recipient_regions) {
            pugi::xml_node n = e.append_child("recipient-region");
            n.append_attribute("code") = r.code.c_str();
            set(n, "vocabulary", r.vocabulary);
            if (r.percentage) n.append_attribute("percentage") = decimal(*r.percentage).c_str();
            narratives(n, r.name);
        }
        for (const SectorShare& s : a.sectors) {
            pugi::xml_node n = e.append_child("sector");
            set(n, "vocabulary", s.vocabulary);
            n.append_attribute("code") = s.code.c_str();
            if (s.percentage) n.append_attribute("percentage") = decimal(*s.percentage).c_str();
            narratives(n, s.name);
        }
        if (!a.country_budget_items.empty()) {
            pugi::xml_node cbi = e.append_child("country-budget-items");
            cbi.append_attribute("vocabulary") = a.country_budget_vocabulary.c_str();
            if (a.country_budget_vocabulary.empty()) missing(a, "country-budget-items @vocabulary");
            for (const CountryBudgetItem& item : a.country_budget_items) {
                pugi::xml_node n = cbi.append_child("budget-item");
                n.append_attribute("code") = item.code.c_str();
                if (item.percentage) n.append_attribute("percentage") = decimal(*item.percentage).c_str();
                text_element(n, "description", item.description);
            }
        }
    }

    void classifications(pugi::xml_node e, const Activity& a) {
        for (const HumanitarianScope& h : a.humanitarian_scopes) {
            pugi::xml_node n = e.append_child("humanitarian-scope");
            n.append_attribute("type") = h.type.c_str();
            n.append_attribute("vocabulary") = h.vocabulary.c_str();
            n.append_attribute("code") = h.code.c_str();
            narratives(n, h.narrative);
        }
        for (const PolicyMarker& p : a.policy_markers) {
            pugi::xml_node n = e.append_child("policy-marker");
            set(n, "vocabulary", p.vocabulary);
            n.append_attribute("code") = p.code.c_str();
            if (p.significance >= 0) n.append_attribute("significance") = p.significance;
        }
        code_element(e, "collaboration-type", a.collaboration_type);
        code_element(e, "default-flow-type", a.default_flow_type);
        code_element(e, "default-finance-type", a.default_finance_type);
        code_element(e, "default-aid-type", a.default_aid_type);
        code_element(e, "default-tied-status", a.default_tied_status);
    }

    void records(pugi::xml_node e, const Activity& a, std::uint32_t index) {
        for (const std::size_t i : budgets_[index]) budget(e, portfolio_.budgets()[i], a);
        for (const std::size_t i : planned_[index]) planned(e, portfolio_.planned_disbursements()[i], a);
        for (const std::uint32_t row : portfolio_.transactions_of(index))
            transaction(e, portfolio_.transactions().row(row), a);
        for (const DocumentLink& d : a.document_links) document_link(e, d, a);
        for (const RelatedActivity& r : a.related_activities) {
            pugi::xml_node n = e.append_child("related-activity");
            n.append_attribute("ref") = r.ref.c_str();
            n.append_attribute("type") = r.type;
        }
        for (const IatiResult& r : a.results) result(e, r, a);
    }

    void budget(pugi::xml_node parent, const Budget& b, const Activity& a) {
        pugi::xml_node n = parent.append_child("budget");
        n.append_attribute("type") = b.type;
        n.append_attribute("status") = b.status;
        period(n, b.period);
        value(n, b.value, b.value_date, b.period.start(), a, "budget");
    }

    void planned(pugi::xml_node parent, const PlannedDisbursement& p, const Activity& a) {
        pugi::xml_node n = parent.append_child("planned-disbursement");
        n.append_attribute("type") = p.type;
        period(n, p.period);
        value(n, p.value, p.value_date, p.period.start(), a, "planned disbursement");
        org(n, "provider-org", "provider-activity-id", p.provider_org, p.provider_activity);
        org(n, "receiver-org", "receiver-activity-id", p.receiver_org, p.receiver_activity);
    }

    static void org(pugi::xml_node parent, const char* name, const char* activity_attribute, const std::string& ref,
                    const std::string& activity) {
        if (ref.empty() && activity.empty()) return;
        pugi::xml_node n = parent.append_child(name);
        set(n, "ref", ref);
        set(n, activity_attribute, activity);
    }

    void transaction(pugi::xml_node parent, const Transaction& t, const Activity& a) {
        pugi::xml_node n = parent.append_child("transaction");
        set(n, "ref", t.ref);
        if (t.humanitarian >= 0) n.append_attribute("humanitarian") = t.humanitarian == 1 ? "1" : "0";
        n.append_child("transaction-type").append_attribute("code") = t.type;
        set_date(n.append_child("transaction-date"), "iso-date", t.date);
        value(n, t.value, t.value_date, t.date, a, "transaction");
        org(n, "provider-org", "provider-activity-id", t.provider_org, t.provider_activity);
        org(n, "receiver-org", "receiver-activity-id", t.receiver_org, t.receiver_activity);
        code_element(n, "disbursement-channel", t.disbursement_channel);
        if (!t.sector_code.empty()) {
            pugi::xml_node s = n.append_child("sector");
            set(s, "vocabulary", t.sector_vocabulary);
            s.append_attribute("code") = t.sector_code.c_str();
        }
        code_element(n, "recipient-country", t.recipient_country);
        code_element(n, "recipient-region", t.recipient_region);
        code_element(n, "flow-type", t.flow_type);
        code_element(n, "finance-type", t.finance_type);
        code_element(n, "aid-type", t.aid_type);
        code_element(n, "tied-status", t.tied_status);
    }

    void document_link(pugi::xml_node parent, const DocumentLink& d, const Activity& a) {
        pugi::xml_node n = parent.append_child("document-link");
        n.append_attribute("url") = d.url.c_str();
        n.append_attribute("format") = d.format.c_str();
        narratives(n.append_child("title"), d.title);
        for (const std::string& c : d.categories) n.append_child("category").append_attribute("code") = c.c_str();
        if (d.url.empty() || d.format.empty() || d.title.empty() || d.categories.empty()) {
            missing(a, "complete document-link (@url, @format, title and category) for '" + d.url + "'");
        }
    }

    void indicator_value(pugi::xml_node n, const IndicatorValue& v) {
        if (!v.text.empty()) {
            n.append_attribute("value") = v.text.c_str();
        } else if (v.value) {
            n.append_attribute("value") = decimal(*v.value).c_str();
        }
    }
    static void locations_and_dimensions(pugi::xml_node n, const IndicatorValue& v) {
        for (const std::string& ref : v.locations) n.append_child("location").append_attribute("ref") = ref.c_str();
        for (const IndicatorDimension& d : v.dimensions) {
            pugi::xml_node dim = n.append_child("dimension");
            dim.append_attribute("name") = d.name.c_str();
            dim.append_attribute("value") = d.value.c_str();
        }
    }
    void target_or_actual(pugi::xml_node parent, const char* name, const IndicatorValue& v) {
        pugi::xml_node n = parent.append_child(name);
        indicator_value(n, v);
        locations_and_dimensions(n, v);
        text_element(n, "comment", v.comment);
    }

    void result(pugi::xml_node parent, const IatiResult& r, const Activity& a) {
        pugi::xml_node n = parent.append_child("result");
        n.append_attribute("type") = r.type.c_str();
        if (r.aggregation_status) n.append_attribute("aggregation-status") = "1";
        narratives(n.append_child("title"), r.title);
        if (r.title.empty()) missing(a, "title on a result");
        text_element(n, "description", r.description);
        if (r.indicators.empty()) missing(a, "indicator on a result");
        for (const ResultIndicator& i : r.indicators) {
            pugi::xml_node in = n.append_child("indicator");
            in.append_attribute("measure") = i.measure.c_str();
            in.append_attribute("ascending") = i.ascending ? "1" : "0";
            if (i.aggregation_status) in.append_attribute("aggregation-status") = "1";
            narratives(in.append_child("title"), i.title);
            if (i.title.empty()) missing(a, "title on an indicator");
            text_element(in, "description", i.description);
            for (const IndicatorReference& ref : i.references) {
                pugi::xml_node rn = in.append_child("reference");
                rn.append_attribute("vocabulary") = ref.vocabulary.c_str();
                rn.append_attribute("code") = ref.code.c_str();
                set(rn, "indicator-uri", ref.uri);
            }
            for (const IndicatorBaseline& b : i.baselines) {
                pugi::xml_node bn = in.append_child("baseline");
                if (b.year > 0) {
                    bn.append_attribute("year") = b.year;
                } else {
                    missing(a, "year on an indicator baseline");
                }
                if (b.iso_date) set_date(bn, "iso-date", *b.iso_date);
                indicator_value(bn, b.value);
                locations_and_dimensions(bn, b.value);
                text_element(bn, "comment", b.value.comment);
            }
            for (const IndicatorPeriod& p : i.periods) {
                pugi::xml_node pn = in.append_child("period");
                if (p.start && p.end) {
                    set_date(pn.append_child("period-start"), "iso-date", *p.start);
                    set_date(pn.append_child("period-end"), "iso-date", *p.end);
                } else {
                    missing(a, "start and end on an indicator period");
                    if (p.start) set_date(pn.append_child("period-start"), "iso-date", *p.start);
                    if (p.end) set_date(pn.append_child("period-end"), "iso-date", *p.end);
                }
                for (const IndicatorValue& t : p.targets) target_or_actual(pn, "target", t);
                for (const IndicatorValue& v : p.actuals) target_or_actual(pn, "actual", v);
            }
        }
    }

    const Portfolio& portfolio_;
    const IatiWriteOptions& options_;
    std::vector<std::vector<std::size_t>> budgets_;
    std::vector<std::vector<std::size_t>> planned_;
    Diagnostics diagnostics_;
    std::size_t filled_value_dates_ = 0;
};

}  // namespace

Diagnostics write_iati(const Portfolio& portfolio, std::ostream& out, const IatiWriteOptions& options) {
    pugi::xml_document doc;
    Writer writer(portfolio, options);
    writer.build(doc);
    const unsigned flags = options.indent ? pugi::format_indent : pugi::format_raw;
    doc.save(out, "  ", flags, pugi::encoding_utf8);
    if (!out) throw IoError("cannot write the IATI document");
    return writer.take_diagnostics();
}

std::string write_iati_string(const Portfolio& portfolio, const IatiWriteOptions& options, Diagnostics* diagnostics) {
    std::ostringstream out;
    Diagnostics found = write_iati(portfolio, out, options);
    if (diagnostics != nullptr) *diagnostics = std::move(found);
    return std::move(out).str();
}

Diagnostics write_iati_file(const Portfolio& portfolio, const std::string& path, const IatiWriteOptions& options) {
    Diagnostics found;
    const std::string bytes = write_iati_string(portfolio, options, &found);
    write_file_atomically(path, bytes);
    for (Diagnostic& d : found) {
        if (d.where.file.empty()) d.where.file = path;
    }
    return found;
}

}  // namespace aidtrack
