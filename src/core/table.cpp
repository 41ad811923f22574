#include <aidtrack/core/table.hpp>

#include <cmath>
#include <cstdio>
#include <type_traits>

namespace aidtrack {

void Table::check_rectangular() const {
    for (const auto& c : columns_) {
        const std::size_t n = std::visit([](const auto& v) { return v.size(); }, c.data);
        if (n != c.valid.size() || c.size() != row_count()) {
            throw ValidationError("table '" + title_ + "': column '" + c.name + "' has " + std::to_string(c.size()) +
                                  " rows, expected " + std::to_string(row_count()));
        }
    }
}

const TableColumn& Table::column(const std::string& name) const { return columns_[column_index(name)]; }

std::size_t Table::column_index(const std::string& name) const {
    for (std::size_t i = 0; i < columns_.size(); ++i) {
        if (columns_[i].name == name) return i;
    }
    throw NotFoundError("table '" + title_ + "' has no column '" + name + "'");
}

Table Table::select_rows(const std::vector<std::size_t>& rows) const {
    Table out = *this;
    for (auto& c : out.columns_) {
        const auto& from = columns_[static_cast<std::size_t>(&c - out.columns_.data())];
        std::visit(
            [&](auto& values) {
                using Vector = std::decay_t<decltype(values)>;
                const auto& source = std::get<Vector>(from.data);
                Vector picked;
                picked.reserve(rows.size());
                for (const std::size_t r : rows) picked.push_back(source.at(r));
                values = std::move(picked);
            },
            c.data);
        c.valid.clear();
        c.valid.reserve(rows.size());
        for (const std::size_t r : rows) c.valid.push_back(from.valid.at(r));
    }
    return out;
}

std::string Table::text(std::size_t row, std::size_t col) const {
    const auto& c = columns_.at(col);
    if (c.valid.at(row) == 0) return {};
    struct Visitor {
        std::size_t row;
        std::string operator()(const std::vector<std::string>& v) const { return v[row]; }
        std::string operator()(const std::vector<std::int64_t>& v) const { return std::to_string(v[row]); }
        std::string operator()(const std::vector<double>& v) const {
            char buffer[64];
            std::snprintf(buffer, sizeof buffer, "%.6g", v[row]);
            return buffer;
        }
        std::string operator()(const std::vector<Decimal>& v) const { return v[row].to_string(); }
        std::string operator()(const std::vector<Date>& v) const { return to_iso(v[row]); }
    };
    return std::visit(Visitor{row}, c.data);
}

}  // namespace aidtrack
