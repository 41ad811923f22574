// The ResultsStore: tree rules, CSV loading with located errors, archive round trips.
#include <aidtrack/io/archive.hpp>
#include <aidtrack/io/results_csv.hpp>
#include <aidtrack/model/results_store.hpp>

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

using namespace aidtrack;
namespace fs = std::filesystem;

namespace {

ResultsStore filled_store() {
    ResultsStore s;
    Strategy nmas;
    nmas.id = "NMAS2018";
    nmas.name = "National Mine Action Strategy 2018-2025";
    nmas.period = Period(make_date(2018, 1, 1), make_date(2025, 12, 31));
    nmas.owner = "CMAA";
    nmas.provenance = {"FACTS.md", 0, Evidence::illustrative, "goal wording illustrative"};
    nmas.nodes = {{"G1", "", ResultLevel::goal, "Release all known contaminated land", 2.0},
                  {"G1.O1", "G1", ResultLevel::objective, "Survey and clear", 1.0}};
    s.add_strategy(nmas);
    Indicator ind;
    ind.id = "NMAS2018.G1.1";
    ind.strategy = "NMAS2018";
    ind.node = "G1.O1";
    ind.title = "Area released";
    ind.unit = "m2";
    ind.baseline_date = make_date(2017, 12, 31);
    ind.baseline_value = 0.0;
    ind.values.push_back({ValueKind::target, Period::calendar_year(2020), 1.5e8, "", {}, {}});
    ind.values.push_back({ValueKind::actual, Period::calendar_year(2020), 1.2e8, "", {{"province", "Battambang"}}, {}});
    s.add_indicator(ind);
    Strategy project;
    project.id = "CfR4";
    project.name = "Clearing for Results IV";
    project.period = Period(make_date(2020, 1, 1), make_date(2025, 12, 31));
    project.nodes = {{"R1", "", ResultLevel::goal, "Land released", 1.0}};
    s.add_strategy(project);
    Indicator pi;
    pi.id = "CfR4/R1.I1";
    pi.strategy = "CfR4";
    pi.node = "R1";
    pi.title = "Area released by CfR IV";
    s.add_indicator(pi);
    s.add_link({"CfR4/R1.I1", "NMAS2018.G1.1", 0.5});
    HazardArea h;
    h.id = "BTB-1";
    h.province = "Battambang";
    h.type = HazardType::cha;
    h.contamination = Contamination::at_mines;
    h.area_m2 = 10'000;
    h.recorded = make_date(2019, 1, 1);
    h.provenance.evidence = Evidence::illustrative;
    s.add_hazard(h);
    s.add_release(
        {"BTB-1", make_date(2020, 3, 3), ReleaseMethod::cleared, 4'000, "HALO", "AU-5-INM123", {{"AT", 2}}, {}});
    s.add_casualty({make_date(2022, 12, 31), "", "ERW", 10, 31, 5, "", "", {"CMVIS", 0, Evidence::reported, {}}});
    return s;
}

void write(const fs::path& p, const std::string& text) {
    std::ofstream out(p, std::ios::binary);
    out << text;
}

fs::path fresh_dir(const std::string& name) {
    const fs::path d = fs::temp_directory_path() / ("aidtrack-results-" + name);
    fs::remove_all(d);
    fs::create_directories(d);
    return d;
}

}  // namespace

TEST(results_store_test, tree_levels_must_nest) {
    ResultsStore s;
    Strategy st;
    st.id = "S";
    st.nodes = {{"G1", "", ResultLevel::goal, "g", 1.0}, {"O1", "G1", ResultLevel::output, "skips two levels", 1.0}};
    EXPECT_THROW(s.add_strategy(st), ValidationError);
    st.nodes.pop_back();
    s.add_strategy(st);
    EXPECT_THROW(s.add_strategy(st), ValidationError);  // duplicate id
    Indicator pct;
    pct.id = "p";
    pct.strategy = "S";
    pct.node = "G1";
    pct.measure = IndicatorMeasure::percentage;  // with the default time aggregation: sum
    EXPECT_THROW(s.add_indicator(pct), ValidationError);
    pct.time_aggregation = TimeAggregation::average;
    pct.space_aggregation = SpaceAggregation::average;
    s.add_indicator(pct);
}

TEST(results_store_test, archive_round_trip_in_every_format) {
    Portfolio p;
    p.results() = filled_store();
    for (auto format : {ArchiveFormat::binary, ArchiveFormat::text, ArchiveFormat::xml}) {
        const Portfolio back = portfolio_from_bytes(portfolio_to_bytes(p, format));
        EXPECT_TRUE(back.results() == p.results()) << static_cast<int>(format);
        EXPECT_EQ(back.results().releases().size(), 1U);
        EXPECT_EQ(back.results().indicators()[0].values[1].dimensions[0].value, "Battambang");
        back.results().check();
    }
}

TEST(results_store_test, csv_directory_loads_every_file) {
    const fs::path d = fresh_dir("good");
    write(d / "strategy.csv",
          "strategy,level,id,parent,title,start,end,owner,weight\n"
          "NMAS2018,strategy,,,National Mine Action Strategy 2018-2025,2018-01-01,2025-12-31,CMAA,\n"
          "NMAS2018,goal,G1,,\"Release land, safely\",,,,2\n"
          "NMAS2018,objective,G1.O1,G1,Clear,,,,\n");
    write(d / "indicators.csv",
          "id,strategy,node,title,measure,ascending,unit,baseline_date,baseline_value,evidence\n"
          "I1,NMAS2018,G1.O1,Area released,unit,1,m2,,,illustrative\n"
          "I2,NMAS2018,G1.O1,Villages safe,percentage,true,%,2017-12-31,40,\n");
    write(d / "indicator_values.csv",
          "indicator,kind,start,end,value,dimensions\n"
          "I1,target,2018-01-01,2018-12-31,100,\n"
          "I1,actual,2018-01-01,2018-12-31,80,province=Battambang;sex=female\n");
    write(d / "hazards.csv",
          "id,province,type,contamination,area_m2,recorded\n"
          "H1,Pailin,CHA,AP,1000,2015-01-01\n");
    write(d / "land_release.csv",
          "hazard,date,method,area_m2,operator,funding_activity,devices\n"
          "H1,2016-01-01,NTS,400,CMAC,XM-1,AP=2;UXO=1\n");
    write(d / "casualties.csv", "date,killed,injured,amputations\n2023-12-31,4,18,10\n");
    ResultsStore s;
    const ResultsCsvCounts c = load_results_csv(s, d.string());
    EXPECT_EQ(c.strategies, 1U);
    EXPECT_EQ(c.nodes, 2U);
    EXPECT_EQ(c.indicators, 2U);
    EXPECT_EQ(c.indicator_values, 2U);
    EXPECT_EQ(c.hazards, 1U);
    EXPECT_EQ(c.releases, 1U);
    EXPECT_EQ(c.casualties, 1U);
    EXPECT_EQ(s.find_strategy("NMAS2018")->nodes[0].title, "Release land, safely");
    EXPECT_EQ(s.find_indicator("I2")->time_aggregation, TimeAggregation::average);  // percentage default
    EXPECT_EQ(s.find_indicator("I1")->provenance.evidence, Evidence::illustrative);
    EXPECT_EQ(s.find_indicator("I1")->values[1].dimensions.size(), 2U);
    EXPECT_EQ(hazard_ledger(s, "H1").remaining, 600);  // 1000 - 400
    EXPECT_EQ(s.releases()[0].devices[1].count, 1);
    EXPECT_EQ(s.hazards()[0].provenance.line, 2U);  // source = file and line when not given
}

TEST(results_store_test, bad_csv_row_names_file_and_line) {
    const fs::path d = fresh_dir("bad");
    write(d / "hazards.csv",
          "id,province,type,contamination,area_m2,recorded\n"
          "H1,Pailin,CHA,AP,1000,2015-01-01\n"
          "H2,Pailin,CHA,XX,1000,2015-01-01\n");
    ResultsStore s;
    try {
        (void)load_results_csv(s, d.string());
        FAIL() << "expected ParseError";
    } catch (const ParseError& e) {
        EXPECT_NE(std::string(e.what()).find("hazards.csv:3"), std::string::npos) << e.what();
        EXPECT_EQ(e.where().element, "contamination");
    }
    EXPECT_TRUE(s.empty());  // all or nothing
    write(d / "hazards.csv", "id,province,type,contamination,area_m2,recorded\nH1,Pailin,CHA,AP,1000,2015-01-01\n");
    write(d / "land_release.csv", "hazard,date,method,area_m2\nH1,2016-01-01,cleared,600\nH1,2016-02-01,cleared,600\n");
    try {
        (void)load_results_csv(s, d.string());
        FAIL() << "expected ValidationError";
    } catch (const ValidationError& e) {
        const std::string what = e.what();
        EXPECT_NE(what.find("land_release.csv:3"), std::string::npos) << what;
        EXPECT_NE(what.find("H1"), std::string::npos) << what;
        EXPECT_NE(what.find("2016-02-01"), std::string::npos) << what;
    }
}
