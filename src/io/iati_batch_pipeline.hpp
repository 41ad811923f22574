#pragma once
/// \file iati_batch_pipeline.hpp
/// \brief Parsing and reading the batches of a file on worker threads while the reader keeps
/// what they read, in file order.

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "iati_activity_reading.hpp"
#include "iati_batch_source.hpp"

namespace aidtrack::iati_detail {

/// \brief A batch parsed and read by a BatchPipeline's worker.
struct ReadBatch {
    ParsedBatch parsed;
    BatchReading reading;
    std::size_t sequence = 0;  ///< its place among the file's batches (set by the pipeline)
};

/// \brief Batches of a BatchSource, parsed and read by `workers` threads: one at a time cuts and
/// parses the next batch (the source is sequential), the others read the batches parsed before
/// (the reading of one batch needs nothing of another), and the reader takes them in the
/// source's order. At most `depth` batches are between being parsed and given back, so memory
/// stays bounded by a few batches. The batches are those of BatchSource::next on one thread.
class BatchPipeline {
public:
    /// Reads a parsed batch on worker number `worker` (0 ≤ worker < workers), e.g. with that
    /// worker's ActivityReading; never called twice at once for the same worker.
    using ReadFunction = std::function<void(ReadBatch& batch, std::size_t worker)>;

    /// Starts the workers on `source`, which nothing else may use until the pipeline is gone.
    BatchPipeline(BatchSource& source, std::size_t workers, ReadFunction read, std::size_t depth = 0);
    /// Stops the workers (after the batch each is on) and waits for them.
    ~BatchPipeline();
    BatchPipeline(const BatchPipeline&) = delete;
    BatchPipeline& operator=(const BatchPipeline&) = delete;

    /// The next batch in file order, or nullptr after the last one; what the source threw is
    /// thrown here, once the batches parsed before it are taken.
    std::unique_ptr<ReadBatch> next();
    /// Gives a batch back, so that its buffers are reused.
    void recycle(std::unique_ptr<ReadBatch> batch);

private:
    void run(std::size_t worker);

    BatchSource& source_;
    ReadFunction read_;
    std::size_t depth_;
    std::mutex mutex_;
    std::condition_variable changed_;
    std::deque<std::unique_ptr<ReadBatch>> parsed_;                   // parsed, in order, not yet read
    std::map<std::size_t, std::unique_ptr<ReadBatch>> read_batches_;  // read, by sequence, not yet taken
    std::vector<std::unique_ptr<ReadBatch>> spare_;                   // given back
    std::size_t parsed_count_ = 0;                                    // batches the source gave
    std::size_t taken_ = 0;                                           // batches the reader took
    std::size_t in_flight_ = 0;         // batches between the start of their parse and their return
    bool parsing_ = false;              // a worker is in the source
    bool source_done_ = false;          // the source gave its last batch (or threw)
    bool stop_ = false;                 // the reader wants no more batches
    std::exception_ptr error_;          // what the source threw, after parsed_count_ batches
    std::vector<std::thread> workers_;  // the last member: they start once the others exist
};

}  // namespace aidtrack::iati_detail
