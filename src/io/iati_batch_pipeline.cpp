/// \file iati_batch_pipeline.cpp
/// \brief The batch pipeline's workers and the reader's side of it (see iati_batch_pipeline.hpp).

#include "iati_batch_pipeline.hpp"

#include <algorithm>
#include <utility>

namespace aidtrack::iati_detail {

BatchPipeline::BatchPipeline(BatchSource& source, std::size_t workers, ReadFunction read, std::size_t depth)
    : source_(source), read_(std::move(read)) {
    workers = std::max<std::size_t>(workers, 1);
    // Enough for every worker to hold a batch and one more to wait for the reader.
    depth_ = depth == 0 ? 2 * workers + 1 : depth;
    workers_.reserve(workers);
    for (std::size_t w = 0; w < workers; ++w) workers_.emplace_back([this, w] { run(w); });
}

BatchPipeline::~BatchPipeline() {
    {
        const std::lock_guard lock(mutex_);
        stop_ = true;
    }
    changed_.notify_all();
    for (auto& worker : workers_) worker.join();
}

// A worker reads a parsed batch when there is one (which keeps memory low), else parses the next
// one when no other worker is parsing and there is room.
void BatchPipeline::run(std::size_t worker) {
    std::unique_lock lock(mutex_);
    while (true) {
        changed_.wait(
            lock, [this] { return stop_ || !parsed_.empty() || source_done_ || (!parsing_ && in_flight_ < depth_); });
        if (stop_) return;
        if (!parsed_.empty()) {
            std::unique_ptr<ReadBatch> batch = std::move(parsed_.front());
            parsed_.pop_front();
            lock.unlock();
            try {
                read_(*batch, worker);
            } catch (...) {
                batch->reading.error = std::current_exception();
            }
            lock.lock();
            read_batches_.emplace(batch->sequence, std::move(batch));
            changed_.notify_all();
            continue;
        }
        if (source_done_) return;
        parsing_ = true;
        ++in_flight_;
        std::unique_ptr<ReadBatch> batch;
        if (!spare_.empty()) {
            batch = std::move(spare_.back());
            spare_.pop_back();
        }
        lock.unlock();
        if (!batch) batch = std::make_unique<ReadBatch>();
        bool parsed = false;
        std::exception_ptr error;
        try {
            parsed = source_.next(batch->parsed);  // the long part, outside the lock
        } catch (...) {
            error = std::current_exception();
        }
        lock.lock();
        parsing_ = false;
        if (parsed) {
            batch->sequence = parsed_count_++;
            parsed_.push_back(std::move(batch));
        } else {
            --in_flight_;
            source_done_ = true;
            error_ = error;
        }
        changed_.notify_all();
    }
}

std::unique_ptr<ReadBatch> BatchPipeline::next() {
    std::unique_lock lock(mutex_);
    changed_.wait(lock,
                  [this] { return read_batches_.count(taken_) != 0 || (source_done_ && taken_ == parsed_count_); });
    const auto found = read_batches_.find(taken_);
    if (found != read_batches_.end()) {
        std::unique_ptr<ReadBatch> batch = std::move(found->second);
        read_batches_.erase(found);
        ++taken_;
        return batch;
    }
    if (error_) std::rethrow_exception(std::exchange(error_, nullptr));
    return nullptr;
}

void BatchPipeline::recycle(std::unique_ptr<ReadBatch> batch) {
    {
        const std::lock_guard lock(mutex_);
        --in_flight_;
        spare_.push_back(std::move(batch));
    }
    changed_.notify_all();  // room for a worker
}

}  // namespace aidtrack::iati_detail
