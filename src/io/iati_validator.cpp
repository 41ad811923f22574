/// \file iati_validator.cpp
/// \brief XML Schema validation of IATI activity files with libxml2, and the driver that adds
/// the rule checks of iati_rules.cpp.

#include <aidtrack/core/data_dir.hpp>
#include <aidtrack/core/error.hpp>
#include <aidtrack/io/iati_validator.hpp>

#include "iati_rules.hpp"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlschemas.h>

#include <algorithm>
#include <climits>
#include <filesystem>
#include <memory>
#include <mutex>

namespace aidtrack {

std::size_t IatiValidationReport::errors() const noexcept {
    return static_cast<std::size_t>(std::count_if(problems.begin(), problems.end(),
                                                  [](const Diagnostic& d) { return d.severity == Severity::error; }));
}

namespace {

/// Collects libxml2's structured errors as diagnostics of one class.
struct ErrorCollector {
    std::string file;
    std::string kind;
    Diagnostics* out = nullptr;
};

std::string trimmed(const char* message) {
    std::string text = message == nullptr ? std::string{} : std::string(message);
    while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
    return text;
}

void collect(ErrorCollector& c, const xmlError* error) {
    if (error == nullptr || c.out == nullptr) return;
    Diagnostic d;
    d.severity = error->level == XML_ERR_WARNING ? Severity::warning : Severity::error;
    d.kind = c.kind;
    d.message = trimmed(error->message);
    d.where.file = c.file;
    long line = error->line;
    if (line <= 0 && error->node != nullptr) line = xmlGetLineNo(static_cast<const xmlNode*>(error->node));
    d.where.line = line > 0 ? static_cast<std::uint32_t>(line) : 0U;
    c.out->push_back(std::move(d));
}

// Parser errors arrive with the parser context as user data (see __xmlRaiseError): the
// collector hangs on its _private field, so no global handler is touched.
void on_parser_error(void* user, xmlErrorPtr error) {
    auto* ctxt = static_cast<xmlParserCtxtPtr>(user);
    if (ctxt != nullptr && ctxt->_private != nullptr) collect(*static_cast<ErrorCollector*>(ctxt->_private), error);
}

void on_schema_error(void* user, xmlErrorPtr error) { collect(*static_cast<ErrorCollector*>(user), error); }

/// The compiled activities schema, built once and shared: a compiled xmlSchema is read-only
/// during validation, each validation gets its own context.
struct CompiledSchema {
    xmlSchemaPtr schema = nullptr;
    std::string problem;  ///< why it could not be compiled
    ~CompiledSchema() {
        if (schema != nullptr) xmlSchemaFree(schema);
    }
};

const CompiledSchema& activities_schema() {
    static const CompiledSchema compiled = [] {
        CompiledSchema c;
        std::string path;
        try {
            path = data_file("iati/schema/iati-activities-schema.xsd");
        } catch (const Error& e) {
            c.problem = e.what();
            return c;
        }
        Diagnostics errors;
        ErrorCollector collector{path, "SchemaError", &errors};
        xmlSchemaParserCtxtPtr pctxt = xmlSchemaNewParserCtxt(path.c_str());
        if (pctxt == nullptr) {
            c.problem = "cannot read the IATI schema " + path;
            return c;
        }
        xmlSchemaSetParserStructuredErrors(pctxt, on_schema_error, &collector);
        c.schema = xmlSchemaParse(pctxt);
        xmlSchemaFreeParserCtxt(pctxt);
        if (c.schema == nullptr) {
            c.problem = "cannot compile the IATI schema " + path;
            if (!errors.empty()) c.problem += ": " + errors.front().message;
        }
        return c;
    }();
    return compiled;
}

using DocPtr = std::unique_ptr<xmlDoc, decltype(&xmlFreeDoc)>;

// Options: never fetch from the network, never expand entities nor load external DTDs (no
// XML_PARSE_NOENT / XML_PARSE_DTDLOAD), keep libxml2's size and amplification limits (no
// XML_PARSE_HUGE), and count lines beyond 65535.
constexpr int kParseOptions = XML_PARSE_NONET | XML_PARSE_BIG_LINES | XML_PARSE_NOCDATA;

DocPtr parse(const std::string& file, std::string_view buffer, bool from_file, Diagnostics& problems) {
    ErrorCollector collector{file, "XmlError", &problems};
    xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
    if (ctxt == nullptr) throw Error("cannot allocate an XML parser", {file, 0, {}});
    ctxt->_private = &collector;
    ctxt->sax->serror = on_parser_error;
    xmlDocPtr doc = nullptr;
    if (from_file) {
        doc = xmlCtxtReadFile(ctxt, file.c_str(), nullptr, kParseOptions);
    } else if (buffer.size() > static_cast<std::size_t>(INT_MAX)) {
        problems.push_back({Severity::error, "XmlError", "document-size", "document larger than 2 GB", {file, 0, {}}});
    } else {
        doc = xmlCtxtReadMemory(ctxt, buffer.data(), static_cast<int>(buffer.size()), file.c_str(), nullptr,
                                kParseOptions);
    }
    const bool well_formed = ctxt->wellFormed != 0;
    xmlFreeParserCtxt(ctxt);
    DocPtr out(doc, xmlFreeDoc);
    if (out && !well_formed) out.reset();
    if (!out && std::none_of(problems.begin(), problems.end(),
                             [](const Diagnostic& d) { return d.severity == Severity::error; })) {
        problems.push_back(
            {Severity::error, "XmlError", "well-formed", "not a well-formed XML document", {file, 0, {}}});
    }
    return out;
}

// A document type declaring entities is refused outright: IATI files have none, and entity
// tricks (billion laughs, external entities) are the only reason to send them.
void check_doctype(const xmlDoc& doc, const std::string& file, Diagnostics& problems) {
    if (doc.intSubset == nullptr) return;
    const auto line =
        static_cast<std::uint32_t>(std::max(0L, xmlGetLineNo(reinterpret_cast<const xmlNode*>(doc.intSubset))));
    if (doc.intSubset->entities != nullptr || doc.intSubset->pentities != nullptr) {
        problems.push_back({Severity::error,
                            "XmlError",
                            "no-entities",
                            "the document declares entities; they are never expanded and IATI files must not use them",
                            {file, line, "!DOCTYPE"}});
    }
}

void validate_schema(xmlDoc& doc, const std::string& file, Diagnostics& problems) {
    const CompiledSchema& compiled = activities_schema();
    if (compiled.schema == nullptr) throw IoError(compiled.problem, {file, 0, {}});
    ErrorCollector collector{file, "SchemaError", &problems};
    xmlSchemaValidCtxtPtr vctxt = xmlSchemaNewValidCtxt(compiled.schema);
    if (vctxt == nullptr) throw Error("cannot allocate a schema validation context", {file, 0, {}});
    xmlSchemaSetValidStructuredErrors(vctxt, on_schema_error, &collector);
    const int rc = xmlSchemaValidateDoc(vctxt, &doc);
    xmlSchemaFreeValidCtxt(vctxt);
    if (rc != 0 &&
        std::none_of(problems.begin(), problems.end(), [](const Diagnostic& d) { return d.kind == "SchemaError"; })) {
        problems.push_back({Severity::error,
                            "SchemaError",
                            "",
                            "the document does not validate against the IATI 2.03 schema",
                            {file, 0, {}}});
    }
}

IatiValidationReport validate(const std::string& file, std::string_view buffer, bool from_file,
                              const IatiValidationOptions& options) {
    IatiValidationReport report;
    report.file = file;
    if (from_file) {
        std::error_code ec;
        if (!std::filesystem::is_regular_file(file, ec)) {
            report.problems.push_back({Severity::error, "XmlError", "readable", "cannot open the file", {file, 0, {}}});
            return report;
        }
    }
    DocPtr doc = parse(file, buffer, from_file, report.problems);
    if (doc) {
        check_doctype(*doc, file, report.problems);
        const xmlNode* root = xmlDocGetRootElement(doc.get());
        if (root == nullptr || std::string_view(reinterpret_cast<const char*>(root->name)) != "iati-activities") {
            report.problems.push_back({Severity::error,
                                       "XmlError",
                                       "root-element",
                                       "the root element is not <iati-activities>",
                                       {file, root == nullptr ? 0U : static_cast<std::uint32_t>(xmlGetLineNo(root)),
                                        root == nullptr ? std::string{} : reinterpret_cast<const char*>(root->name)}});
        } else {
            if (options.schema) validate_schema(*doc, file, report.problems);
            if (options.rules) {
                detail::RuleContext context{file, options.schema, options.strict_rules};
                detail::check_iati_rules(*root, context, report.problems);
            }
        }
    }
    if (!options.warnings) {
        std::erase_if(report.problems, [](const Diagnostic& d) { return d.severity == Severity::warning; });
    }
    return report;
}

}  // namespace

IatiValidationReport validate_iati_file(const std::string& path, const IatiValidationOptions& options) {
    return validate(path, {}, true, options);
}

IatiValidationReport validate_iati_buffer(std::string_view xml, const std::string& name,
                                          const IatiValidationOptions& options) {
    return validate(name, xml, false, options);
}

}  // namespace aidtrack
