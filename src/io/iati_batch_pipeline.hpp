#pragma once
/// \file iati_batch_pipeline.hpp
/// \brief Parsing the next batches of a file on a second thread while the reader builds the
/// model from the current one.

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "iati_batch_source.hpp"

namespace aidtrack::iati_detail {

/// \brief A two-stage pipeline over a BatchSource: a worker thread cuts and parses batches, at
/// most `depth` ahead of the reader, which takes them in the source's order. The batches, and
/// so the records and diagnostics, are those of BatchSource::next called on one thread.
class BatchPipeline {
public:
    /// Starts the worker on `source`, which nothing else may use until the pipeline is gone.
    explicit BatchPipeline(BatchSource& source, std::size_t depth = 2);
    /// Stops the worker (after the batch it is parsing) and waits for it.
    ~BatchPipeline();
    BatchPipeline(const BatchPipeline&) = delete;
    BatchPipeline& operator=(const BatchPipeline&) = delete;

    /// The next batch, or nullptr after the last one; what the worker threw is thrown here, once
    /// the batches parsed before it are taken.
    std::unique_ptr<ParsedBatch> next();
    /// Gives a batch back, so that its buffers are reused.
    void recycle(std::unique_ptr<ParsedBatch> batch);

private:
    void run();

    BatchSource& source_;
    std::size_t depth_;
    std::mutex mutex_;
    std::condition_variable changed_;
    std::deque<std::unique_ptr<ParsedBatch>> ready_;   // parsed, in order, not yet taken
    std::vector<std::unique_ptr<ParsedBatch>> spare_;  // taken and given back
    bool finished_ = false;                            // the worker has parsed its last batch
    bool stop_ = false;                                // the reader wants no more batches
    std::exception_ptr error_;
    std::thread worker_;  // the last member: it starts once the others exist
};

}  // namespace aidtrack::iati_detail
