/// \file codelists.cpp
/// \brief Loading the IATI codelist XML files with pugixml.

#include <aidtrack/core/data_dir.hpp>
#include <aidtrack/core/error.hpp>
#include <aidtrack/io/codelists.hpp>

#include <aidtrack/core/text.hpp>

#include <pugixml.hpp>

#include <algorithm>
#include <filesystem>

namespace aidtrack {
namespace {

std::string trimmed(const char* text) { return std::string(trim(text)); }

// The English name: the narrative without xml:lang (the list's default language is English)
// or with xml:lang="en".
std::string english_name(const pugi::xml_node& item) {
    const pugi::xml_node name = item.child("name");
    for (const pugi::xml_node n : name.children("narrative")) {
        const char* lang = n.attribute("xml:lang").as_string();
        if (*lang == '\0' || std::string_view(lang) == "en") return trimmed(n.child_value());
    }
    const pugi::xml_node first = name.child("narrative");
    return first ? trimmed(first.child_value()) : trimmed(name.child_value());
}

Codelist read_codelist(const std::filesystem::path& path) {
    pugi::xml_document doc;
    const pugi::xml_parse_result parsed = doc.load_file(path.c_str(), pugi::parse_default);
    if (!parsed)
        throw ParseError(std::string("cannot parse codelist: ") + parsed.description(), {path.string(), 0, "codelist"});
    const pugi::xml_node root = doc.child("codelist");
    if (!root)
        throw ParseError("not an IATI codelist (root is not <codelist>)",
                         {path.string(), 0, doc.document_element().name()});
    Codelist list;
    list.name = path.stem().string();
    for (const pugi::xml_node item : root.child("codelist-items").children("codelist-item")) {
        std::string code = trimmed(item.child_value("code"));
        if (code.empty()) continue;
        list.withdrawn[code] = std::string_view(item.attribute("status").as_string()) == "withdrawn";
        list.names[std::move(code)] = english_name(item);
    }
    return list;
}

}  // namespace

Codelists Codelists::from_directory(const std::string& directory) {
    namespace fs = std::filesystem;
    std::error_code ec;
    if (!fs::is_directory(directory, ec)) throw IoError("codelist directory not found", {directory, 0, {}});
    Codelists out;
    for (const auto& entry : fs::directory_iterator(directory)) {
        if (entry.path().extension() != ".xml") continue;
        Codelist list = read_codelist(entry.path());
        out.lists_.emplace(list.name, std::move(list));
    }
    out.build_index();
    // The set is the IATI 2.03 release; its Version list names every version up to it, and the
    // newest 2.0x code it holds is the release the copies were taken from.
    out.version_ = "2.03";
    if (const auto it = out.lists_.find("Version"); it != out.lists_.end()) {
        std::string newest;
        for (const auto& [code, name] : it->second.names) {
            if (code.rfind("2.", 0) == 0 && code <= "2.03" && code > newest) newest = code;
        }
        if (!newest.empty()) out.version_ = newest;
    }
    out.source_ = directory +
                  " (copies of the official IATI codelists, https://iatistandard.org/en/iati-standard/203/codelists/)";
    return out;
}

const Codelists& Codelists::official() {
    static const Codelists lists = [] {
        const std::filesystem::path one = data_file("iati/codelists/TransactionType.xml");
        return from_directory(one.parent_path().string());
    }();
    return lists;
}

void Codelists::build_index() {
    index_.clear();
    for (const auto& [name, list] : lists_) {
        CodeIndex& index = index_[name];
        for (const auto& [code, english] : list.names) index.codes_.insert(code);
    }
}

bool Codelists::contains(std::string_view list, std::string_view code) const {
    const auto it = index_.find(list);
    return it != index_.end() && it->second.contains(code);
}

const Codelists::CodeIndex* Codelists::codes_of(std::string_view list) const {
    const auto it = index_.find(list);
    return it == index_.end() ? nullptr : &it->second;
}

bool Codelists::has_list(std::string_view list) const { return index_.find(list) != index_.end(); }

std::string Codelists::name_of(std::string_view list, std::string_view code) const {
    const auto it = lists_.find(list);
    if (it == lists_.end()) return {};
    const auto item = it->second.names.find(code);
    return item == it->second.names.end() ? std::string{} : item->second;
}

bool Codelists::withdrawn(std::string_view list, std::string_view code) const {
    const auto it = lists_.find(list);
    if (it == lists_.end()) return false;
    const auto item = it->second.withdrawn.find(code);
    return item != it->second.withdrawn.end() && item->second;
}

std::vector<std::string> Codelists::codes(std::string_view list) const {
    std::vector<std::string> out;
    const auto it = lists_.find(list);
    if (it == lists_.end()) return out;
    for (const auto& [code, name] : it->second.names) out.push_back(code);
    return out;
}

std::vector<std::string> Codelists::lists() const {
    std::vector<std::string> out;
    for (const auto& [name, list] : lists_) out.push_back(name);
    return out;
}

std::string Codelists::version() const { return version_; }
std::string Codelists::source() const { return source_; }

}  // namespace aidtrack
