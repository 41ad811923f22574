#pragma once
/// \file iati_elements.hpp
/// \brief One function per IATI element of an activity: each reads its own attributes and
/// children into the activity's draft (the activity's elements are chosen by name from a table).

#include <pugixml.hpp>
#include <string>

#include "iati_activity_draft.hpp"
#include "iati_values.hpp"

namespace aidtrack::iati_detail {

/// \brief Reads a child element of `<iati-activity>` into the draft.
using ElementReader = void (*)(const pugi::xml_node& element, ActivityDraft& draft, ValueReader& in);

/// The reader of the `<iati-activity>` child named `name`; nullptr for elements not read.
ElementReader activity_element_reader(const char* name) noexcept;

/// Reads `<iati-activity>`: its attributes, then each child by activity_element_reader.
ActivityDraft read_activity_element(const pugi::xml_node& node, ValueReader& in);

/// Checks of the whole activity: percentages add up to 100, and it ends after it starts.
void check_activity(const Activity& activity, const pugi::xml_node& node, ValueReader& in);

/// The code list of sector codes of a 2.0x SectorVocabulary ("" when the list is not known).
inline const char* sector_list(const std::string& vocabulary) noexcept {
    return vocabulary == "1" ? "Sector" : vocabulary == "2" ? "SectorCategory" : "";
}

// Elements with records of their own (iati_money_elements.cpp, iati_result_elements.cpp).
void read_transaction(const pugi::xml_node& element, ActivityDraft& draft, ValueReader& in);
void read_budget(const pugi::xml_node& element, ActivityDraft& draft, ValueReader& in);
void read_planned_disbursement(const pugi::xml_node& element, ActivityDraft& draft, ValueReader& in);
void read_result(const pugi::xml_node& element, ActivityDraft& draft, ValueReader& in);

}  // namespace aidtrack::iati_detail
