<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AddBlockCommand</name>
    <message>
        <source>Add %1</source>
        <translation>添加 %1</translation>
    </message>
</context>
<context>
    <name>ArchitectureGraph</name>
    <message>
        <source>input %1</source>
        <translation>输入 %1</translation>
    </message>
    <message>
        <source>%1 %2%3, %4 ch</source>
        <comment>operation, kernel, stride, output channels</comment>
        <translation>%1 %2%3，%4 通道</translation>
    </message>
    <message>
        <source>dwconv</source>
        <translation>深度卷积</translation>
    </message>
    <message>
        <source>conv</source>
        <translation>卷积</translation>
    </message>
    <message>
        <source>batch norm</source>
        <translation>批归一化</translation>
    </message>
    <message>
        <source>max pool</source>
        <translation>最大池化</translation>
    </message>
    <message>
        <source>avg pool</source>
        <translation>平均池化</translation>
    </message>
    <message>
        <source>global max pool</source>
        <translation>全局最大池化</translation>
    </message>
    <message>
        <source>global avg pool</source>
        <translation>全局平均池化</translation>
    </message>
    <message>
        <source>linear, %1 out</source>
        <translation>全连接，%1 输出</translation>
    </message>
    <message>
        <source>dropout %1</source>
        <translation>Dropout %1</translation>
    </message>
    <message>
        <source>add</source>
        <translation>相加</translation>
    </message>
    <message>
        <source>concat</source>
        <translation>拼接</translation>
    </message>
    <message>
        <source>multiply</source>
        <translation>相乘</translation>
    </message>
    <message>
        <source>identity</source>
        <translation>恒等</translation>
    </message>
    <message>
        <source>zero</source>
        <translation>零</translation>
    </message>
    <message>
        <source>output %1</source>
        <translation>输出 %1</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <source>cell %1</source>
        <translation>单元 %1</translation>
    </message>
    <message>
        <source>cell %1, output %2</source>
        <translation>单元 %1，输出 %2</translation>
    </message>
    <message>
        <source>%1
output %2</source>
        <translation>%1
输出 %2</translation>
    </message>
    <message>
        <source>Cell %1</source>
        <translation>单元 %1</translation>
    </message>
    <message>
        <source>cell input</source>
        <translation>单元输入</translation>
    </message>
    <message>
        <source>cell output</source>
        <translation>单元输出</translation>
    </message>
    <message>
        <source>sum</source>
        <translation>求和</translation>
    </message>
    <message>
        <source>node %1</source>
        <translation>节点 %1</translation>
    </message>
    <message>
        <source>unused</source>
        <translation>未使用</translation>
    </message>
    <message>
        <source>No operation reaches or leaves this node.</source>
        <translation>没有任何操作连入或连出此节点。</translation>
    </message>
</context>
<context>
    <name>BlockHelpText</name>
    <message>
        <source>The network input: an image of C×H×W.</source>
        <translation>网络输入：一幅 C×H×W 的图像。</translation>
    </message>
    <message>
        <source>image channels</source>
        <translation>图像通道数</translation>
    </message>
    <message>
        <source>image height</source>
        <translation>图像高度</translation>
    </message>
    <message>
        <source>image width</source>
        <translation>图像宽度</translation>
    </message>
    <message>
        <source>First convolution: conv, batch norm, activation.</source>
        <translation>第一个卷积：卷积、批归一化、激活。</translation>
    </message>
    <message>
        <source>output channels</source>
        <translation>输出通道数</translation>
    </message>
    <message>
        <source>kernel size</source>
        <translation>卷积核大小</translation>
    </message>
    <message>
        <source>stride</source>
        <translation>步长</translation>
    </message>
    <message>
        <source>activation function</source>
        <translation>激活函数</translation>
    </message>
    <message>
        <source>batch norm after the convolution</source>
        <translation>卷积后接批归一化</translation>
    </message>
    <message>
        <source>the convolution has a bias</source>
        <translation>卷积带偏置</translation>
    </message>
    <message>
        <source>Convolution with batch norm and activation.</source>
        <translation>带批归一化和激活的卷积。</translation>
    </message>
    <message>
        <source>post: conv-BN-act; pre: act-conv-BN (ReLU-Conv-BN)</source>
        <translation>post：卷积-BN-激活；pre：激活-卷积-BN（ReLU-Conv-BN）</translation>
    </message>
    <message>
        <source>Depthwise k×k conv, then pointwise 1×1 conv, each with batch norm and activation.</source>
        <translation>先做 k×k 深度卷积，再做 1×1 逐点卷积，各自带批归一化和激活。</translation>
    </message>
    <message>
        <source>Inverted residual: 1×1 expansion, depthwise k×k, optional squeeze-excite, 1×1 projection; residual when shapes allow.</source>
        <translation>倒残差：1×1 扩展、k×k 深度卷积、可选的 squeeze-excite、1×1 投影；形状允许时加残差连接。</translation>
    </message>
    <message>
        <source>expansion ratio</source>
        <translation>扩展倍率</translation>
    </message>
    <message>
        <source>squeeze-excite ratio (0: none)</source>
        <translation>squeeze-excite 比例（0：无）</translation>
    </message>
    <message>
        <source>Max or average pooling.</source>
        <translation>最大池化或平均池化。</translation>
    </message>
    <message>
        <source>pooling type</source>
        <translation>池化类型</translation>
    </message>
    <message>
        <source>Passes its input through.</source>
        <translation>原样传递其输入。</translation>
    </message>
    <message>
        <source>Outputs zeros: removes the path it is on.</source>
        <translation>输出全零：相当于移除所在路径。</translation>
    </message>
    <message>
        <source>One of several alternative blocks.</source>
        <translation>多个备选模块之一。</translation>
    </message>
    <message>
        <source>Its body block stacked depth times; only the first repetition strides.</source>
        <translation>将主体模块堆叠 depth 次；只有第一次重复使用步长。</translation>
    </message>
    <message>
        <source>number of repetitions</source>
        <translation>重复次数</translation>
    </message>
    <message>
        <source>A reusable cell: each edge of its inner DAG chooses an operation.</source>
        <translation>可复用的单元：其内部 DAG 的每条边选择一种操作。</translation>
    </message>
    <message>
        <source>name of the cell definition</source>
        <translation>单元定义的名称</translation>
    </message>
    <message>
        <source>Element-wise sum of its inputs.</source>
        <translation>对输入逐元素求和。</translation>
    </message>
    <message>
        <source>number of inputs</source>
        <translation>输入数量</translation>
    </message>
    <message>
        <source>Concatenates its inputs along channels.</source>
        <translation>沿通道拼接其输入。</translation>
    </message>
    <message>
        <source>Pools each channel to one value.</source>
        <translation>将每个通道池化为一个值。</translation>
    </message>
    <message>
        <source>Fully connected layer.</source>
        <translation>全连接层。</translation>
    </message>
    <message>
        <source>output features</source>
        <translation>输出特征数</translation>
    </message>
    <message>
        <source>Classifier: optional BN+ReLU, global average pooling, dropout, linear.</source>
        <translation>分类器：可选的 BN+ReLU、全局平均池化、Dropout、全连接。</translation>
    </message>
    <message>
        <source>number of classes</source>
        <translation>类别数</translation>
    </message>
    <message>
        <source>batch norm and ReLU before pooling</source>
        <translation>池化前做批归一化和 ReLU</translation>
    </message>
    <message>
        <source>dropout before the classifier</source>
        <translation>分类器前的 Dropout</translation>
    </message>
    <message>
        <source>The network output.</source>
        <translation>网络输出。</translation>
    </message>
</context>
<context>
    <name>BlockStyle</name>
    <message>
        <source>Input and output</source>
        <translation>输入与输出</translation>
    </message>
    <message>
        <source>Convolution</source>
        <translation>卷积</translation>
    </message>
    <message>
        <source>Pooling</source>
        <translation>池化</translation>
    </message>
    <message>
        <source>Searchable structure</source>
        <translation>可搜索结构</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>合并</translation>
    </message>
    <message>
        <source>Pass-through</source>
        <translation>直通</translation>
    </message>
    <message>
        <source>Classifier</source>
        <translation>分类器</translation>
    </message>
    <message>
        <source>Plugins</source>
        <translation>插件</translation>
    </message>
</context>
<context>
    <name>ConnectCommand</name>
    <message>
        <source>Connect %1 to %2</source>
        <translation>将 %1 连接到 %2</translation>
    </message>
</context>
<context>
    <name>DisconnectCommand</name>
    <message>
        <source>Disconnect %1 from %2</source>
        <translation>断开 %1 与 %2 的连接</translation>
    </message>
</context>
<context>
    <name>GraphvizLayout</name>
    <message>
        <source>Graphviz could not lay out the architecture graph</source>
        <translation>Graphviz 无法排布架构图</translation>
    </message>
</context>
<context>
    <name>LastCrashNotice</name>
    <message>
        <source>The last session ended because %1</source>
        <translation>上次会话意外结束：%1</translation>
    </message>
</context>
<context>
    <name>MoveBlocksCommand</name>
    <message>
        <source>Move %1</source>
        <translation>移动 %1</translation>
    </message>
    <message numerus="yes">
        <source>Move %n block(s)</source>
        <translation>
            <numerusform>移动 %n 个模块</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ParameterText</name>
    <message>
        <source>%1 needs a value.</source>
        <translation>%1 需要一个值。</translation>
    </message>
    <message>
        <source>%1 takes whole numbers; &apos;%2&apos; is not one.</source>
        <translation>%1 只接受整数；“%2”不是整数。</translation>
    </message>
    <message>
        <source>%1 takes numbers; &apos;%2&apos; is not one.</source>
        <translation>%1 只接受数字；“%2”不是数字。</translation>
    </message>
    <message>
        <source>%1 is true or false; &apos;%2&apos; is neither.</source>
        <translation>%1 只能是 true 或 false；“%2”两者都不是。</translation>
    </message>
    <message>
        <source>%1 is one of %2; &apos;%3&apos; is not.</source>
        <translation>%1 必须是 %2 之一；“%3”不是。</translation>
    </message>
    <message>
        <source>%1 must lie between %2 and %3; %4 does not.</source>
        <translation>%1 必须介于 %2 和 %3 之间；%4 不在此范围内。</translation>
    </message>
    <message>
        <source>%1 appears twice in the list.</source>
        <translation>%1 在列表中出现了两次。</translation>
    </message>
    <message>
        <source>A choice needs at least one value.</source>
        <translation>选择项至少需要一个值。</translation>
    </message>
    <message>
        <source>one of {%1}</source>
        <translation>{%1} 之一</translation>
    </message>
    <message>
        <source>(no body)</source>
        <translation>（无主体）</translation>
    </message>
    <message>
        <source>%1 × %2</source>
        <translation>%1 × %2</translation>
    </message>
    <message>
        <source>%1×%2×%3 (C×H×W)</source>
        <translation>%1×%2×%3（C×H×W）</translation>
    </message>
    <message>
        <source>cell &apos;%1&apos; (undefined)</source>
        <translation>单元“%1”（未定义）</translation>
    </message>
    <message>
        <source>cell %1: %2 nodes, %3 ops</source>
        <translation>单元 %1：%2 个节点，%3 种操作</translation>
    </message>
</context>
<context>
    <name>RemoveBlocksCommand</name>
    <message>
        <source>Delete %1</source>
        <translation>删除 %1</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n connection(s)</source>
        <translation>
            <numerusform>删除 %n 条连接</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %n block(s)</source>
        <translation>
            <numerusform>删除 %n 个模块</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RenameCommand</name>
    <message>
        <source>Rename %1 to %2</source>
        <translation>将 %1 重命名为 %2</translation>
    </message>
</context>
<context>
    <name>SetCellCommand</name>
    <message>
        <source>Remove cell %1</source>
        <translation>移除单元 %1</translation>
    </message>
    <message>
        <source>Change cell %1</source>
        <translation>修改单元 %1</translation>
    </message>
    <message>
        <source>Create cell %1</source>
        <translation>创建单元 %1</translation>
    </message>
</context>
<context>
    <name>SetParameterCommand</name>
    <message>
        <source>Set %1 of %2</source>
        <translation>设置 %2 的 %1</translation>
    </message>
</context>
<context>
    <name>SetSharedChoiceCommand</name>
    <message>
        <source>Remove shared choice %1</source>
        <translation>移除共享选择 %1</translation>
    </message>
    <message>
        <source>Change shared choice %1</source>
        <translation>修改共享选择 %1</translation>
    </message>
    <message>
        <source>Create shared choice %1</source>
        <translation>创建共享选择 %1</translation>
    </message>
</context>
<context>
    <name>SetSpaceInfoCommand</name>
    <message>
        <source>Edit space name and description</source>
        <translation>编辑搜索空间的名称和描述</translation>
    </message>
</context>
<context>
    <name>archscape::ArchitectureChooser</name>
    <message>
        <source>The space&apos;s default</source>
        <translation>搜索空间的默认架构</translation>
    </message>
    <message>
        <source>Random, drawn with the seed</source>
        <translation>随机，由随机种子抽取</translation>
    </message>
    <message>
        <source>Typed encoding</source>
        <translation>输入的编码</translation>
    </message>
    <message>
        <source>Draws the random architecture and initialises the weights</source>
        <translation>用于抽取随机架构并初始化权重</translation>
    </message>
    <message>
        <source>key=option;key=option (left out: the default)</source>
        <translation>key=option;key=option（省略的取默认值）</translation>
    </message>
    <message>
        <source>Architecture:</source>
        <translation>架构：</translation>
    </message>
    <message>
        <source>Encoding:</source>
        <translation>编码：</translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation>随机种子：</translation>
    </message>
    <message>
        <source>&lt;b style=&apos;color:#b00020&apos;&gt;This space cannot be exported:&lt;/b&gt; %1</source>
        <translation>&lt;b style=&apos;color:#b00020&apos;&gt;无法导出此搜索空间：&lt;/b&gt;%1</translation>
    </message>
    <message>
        <source>%L1 parameters, %L2 multiply-adds.</source>
        <translation>%L1 个参数，%L2 次乘加运算。</translation>
    </message>
    <message>
        <source>&lt;b style=&apos;color:#b00020&apos;&gt;Not an architecture of this space:&lt;/b&gt; %1</source>
        <translation>&lt;b style=&apos;color:#b00020&apos;&gt;不是此搜索空间的架构：&lt;/b&gt;%1</translation>
    </message>
</context>
<context>
    <name>archscape::ArchitectureView</name>
    <message>
        <source>Compare: pin this trial</source>
        <translation>比较：固定此试验</translation>
    </message>
    <message>
        <source>Keep the trial shown now in a second pane, beside the selected one</source>
        <translation>在所选试验旁的第二个窗格中保留当前显示的试验</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>适应窗口</translation>
    </message>
    <message>
        <source>Export SVG…</source>
        <translation>导出 SVG…</translation>
    </message>
    <message>
        <source>Select a trial to see its architecture.</source>
        <translation>选择一个试验以查看其架构。</translation>
    </message>
    <message>
        <source>Trial %1 (id %2)</source>
        <translation>试验 %1（ID %2）</translation>
    </message>
    <message>
        <source>Trial id %1 is not in this study.</source>
        <translation>此研究中没有 ID 为 %1 的试验。</translation>
    </message>
    <message>
        <source>No search space to read trial %1&apos;s architecture with.</source>
        <translation>没有可用于读取试验 %1 架构的搜索空间。</translation>
    </message>
    <message>
        <source>Cannot read trial %1&apos;s architecture: %2</source>
        <translation>无法读取试验 %1 的架构：%2</translation>
    </message>
    <message>
        <source>Cannot write the SVG file %1: %2</source>
        <translation>无法写入 SVG 文件 %1：%2</translation>
    </message>
    <message>
        <source>Architecture</source>
        <translation>架构</translation>
    </message>
    <message>
        <source>Export the architecture</source>
        <translation>导出架构</translation>
    </message>
    <message>
        <source>SVG image (*.svg)</source>
        <translation>SVG 图像 (*.svg)</translation>
    </message>
    <message>
        <source>Export to ONNX…</source>
        <translation>导出为 ONNX…</translation>
    </message>
</context>
<context>
    <name>archscape::BackgroundSearch</name>
    <message>
        <source>Done: %L1 trials in %2 s.</source>
        <translation>完成：%L1 个试验，用时 %2 秒。</translation>
    </message>
    <message>
        <source>Stopped after %L1 trials; Resume continues it.</source>
        <translation>已在 %L1 个试验后停止；点击“继续”可接着运行。</translation>
    </message>
    <message>
        <source>The strategy has nothing left to propose after %L1 trials.</source>
        <translation>在 %L1 个试验之后，该策略已没有可提议的架构。</translation>
    </message>
    <message>
        <source>this study has run already; Resume continues it, or create a new study for other settings</source>
        <translation>此研究已经运行过；点击“继续”可接着运行，如需其他设置请新建研究</translation>
    </message>
    <message>
        <source>this study has not run yet: Start it first</source>
        <translation>此研究尚未运行：请先点击“开始”</translation>
    </message>
    <message>
        <source>%1 search with the %2 evaluator, %L3 trials, seed %4, %5 worker(s) on %6.</source>
        <translation>%1 搜索，评估器 %2，%L3 个试验，随机种子 %4，%6 上 %5 个工作线程。</translation>
    </message>
    <message>
        <source>%1 trial(s) left running by an interrupted run were queued again.</source>
        <translation>被中断的运行遗留的 %1 个试验已重新排队。</translation>
    </message>
    <message>
        <source>The search could not run: %1</source>
        <translation>搜索无法运行：%1</translation>
    </message>
</context>
<context>
    <name>archscape::BlockPalette</name>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; (%2)&lt;br&gt;%3&lt;br&gt;&lt;i&gt;Drag onto the canvas to add.&lt;/i&gt;</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;（%2）&lt;br&gt;%3&lt;br&gt;&lt;i&gt;拖到画布上即可添加。&lt;/i&gt;</translation>
    </message>
    <message>
        <source>plugin %1</source>
        <translation>插件 %1</translation>
    </message>
</context>
<context>
    <name>archscape::BlockPalettePanel</name>
    <message>
        <source>Filter blocks</source>
        <translation>筛选模块</translation>
    </message>
    <message>
        <source>Shows the block kinds whose name, help, group or plugin contains this text; Return adds the first one.</source>
        <translation>只显示名称、帮助、分组或插件中包含此文本的模块类型；按回车键添加第一个。</translation>
    </message>
</context>
<context>
    <name>archscape::BreadcrumbBar</name>
    <message>
        <source>Search space</source>
        <translation>搜索空间</translation>
    </message>
    <message>
        <source>Back to the top-level graph (Esc)</source>
        <translation>返回顶层图（Esc）</translation>
    </message>
</context>
<context>
    <name>archscape::CurvesView</name>
    <message>
        <source>epoch</source>
        <translation>轮次</translation>
    </message>
    <message>
        <source>No study open</source>
        <translation>未打开研究</translation>
    </message>
    <message>
        <source>No trial selected</source>
        <translation>未选择试验</translation>
    </message>
    <message>
        <source>Select a trial in the table or a plot</source>
        <translation>请在表格或图中选择一个试验</translation>
    </message>
    <message>
        <source>Trial %1: training curves</source>
        <translation>试验 %1：训练曲线</translation>
    </message>
    <message>
        <source>Trial id %1 is not in this study</source>
        <translation>此研究中没有 ID 为 %1 的试验</translation>
    </message>
    <message>
        <source>No per-epoch curves for this trial (its evaluator stores final values only)</source>
        <translation>此试验没有逐轮曲线（其评估器只保存最终值）</translation>
    </message>
</context>
<context>
    <name>archscape::MainWindow</name>
    <message>
        <source>Blocks</source>
        <translation>模块</translation>
    </message>
    <message>
        <source>Properties</source>
        <translation>属性</translation>
    </message>
    <message>
        <source>Validation</source>
        <translation>校验</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>新建(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <source>New &amp;Study…</source>
        <translation>新建研究(&amp;S)…</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Examples</source>
        <translation>示例(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>另存为(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>剪切(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>粘贴(&amp;P)</translation>
    </message>
    <message>
        <source>D&amp;uplicate</source>
        <translation>创建副本(&amp;U)</translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation>全选(&amp;A)</translation>
    </message>
    <message>
        <source>Pr&amp;eferences…</source>
        <translation>首选项(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Fit to View</source>
        <translation>适应视图(&amp;F)</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Snap to Grid</source>
        <translation>对齐网格(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Minimap</source>
        <translation>小地图(&amp;M)</translation>
    </message>
    <message>
        <source>%1 (example)</source>
        <translation>%1（示例）</translation>
    </message>
    <message>
        <source>%1 (study)</source>
        <translation>%1（研究）</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <source>%1[*] — Archscape</source>
        <translation>%1[*] — Archscape</translation>
    </message>
    <message>
        <source>Cannot open the search space</source>
        <translation>无法打开搜索空间</translation>
    </message>
    <message>
        <source>The file %1 could not be opened.

%2</source>
        <translation>无法打开文件 %1。

%2</translation>
    </message>
    <message>
        <source>Opened %1.</source>
        <translation>已打开 %1。</translation>
    </message>
    <message>
        <source>Cannot open the study</source>
        <translation>无法打开研究</translation>
    </message>
    <message>
        <source>The study %1 could not be opened.

%2</source>
        <translation>无法打开研究 %1。

%2</translation>
    </message>
    <message>
        <source>Opened the study %1: %L2 trials.</source>
        <translation>已打开研究 %1：%L2 个试验。</translation>
    </message>
    <message>
        <source>Cannot create the study</source>
        <translation>无法创建研究</translation>
    </message>
    <message>
        <source>New Study from This Space</source>
        <translation>从此搜索空间新建研究</translation>
    </message>
    <message>
        <source>study.db</source>
        <translation>study.db</translation>
    </message>
    <message>
        <source>Studies (*.db)</source>
        <translation>研究 (*.db)</translation>
    </message>
    <message>
        <source>Cannot save the search space</source>
        <translation>无法保存搜索空间</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>已保存 %1。</translation>
    </message>
    <message>
        <source>Open Search Space</source>
        <translation>打开搜索空间</translation>
    </message>
    <message>
        <source>Search spaces and studies (*.json *.db);;Search spaces (*.json);;Studies (*.db);;All files (*)</source>
        <translation>搜索空间和研究 (*.json *.db);;搜索空间 (*.json);;研究 (*.db);;所有文件 (*)</translation>
    </message>
    <message>
        <source>space</source>
        <translation>space</translation>
    </message>
    <message>
        <source>Save Search Space</source>
        <translation>保存搜索空间</translation>
    </message>
    <message>
        <source>Search spaces (*.json)</source>
        <translation>搜索空间 (*.json)</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存的更改</translation>
    </message>
    <message>
        <source>The search space has unsaved changes. Save them?</source>
        <translation>搜索空间有未保存的更改。要保存吗？</translation>
    </message>
    <message>
        <source>No recent files</source>
        <translation>没有最近打开的文件</translation>
    </message>
    <message>
        <source>Clear List</source>
        <translation>清空列表</translation>
    </message>
    <message>
        <source>No examples found</source>
        <translation>未找到示例</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Plugins…</source>
        <translation>插件(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Close Study</source>
        <translation>关闭研究(&amp;C)</translation>
    </message>
</context>
<context>
    <name>archscape::OnnxExportActions</name>
    <message>
        <source>E&amp;xport to ONNX…</source>
        <translation>导出为 ONNX(&amp;X)…</translation>
    </message>
    <message>
        <source>Export this space&apos;s architecture to ONNX…</source>
        <translation>将此搜索空间的架构导出为 ONNX…</translation>
    </message>
    <message>
        <source>Write the selected trial&apos;s network with its weights, or an architecture of the space, as an ONNX model</source>
        <translation>将所选试验的网络及其权重，或搜索空间的一个架构，写为 ONNX 模型</translation>
    </message>
</context>
<context>
    <name>archscape::OnnxExportDialog</name>
    <message>
        <source>Check with onnxruntime</source>
        <translation>用 onnxruntime 检查</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Export Trial %1 to ONNX</source>
        <translation>将试验 %1 导出为 ONNX</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Keep (BatchNormalization nodes)</source>
        <translation>保留（BatchNormalization 节点）</translation>
    </message>
    <message>
        <source>Fold into the preceding convolution</source>
        <translation>折叠进前面的卷积</translation>
    </message>
    <message>
        <source>Run the same input through LibTorch and onnxruntime and compare (max abs difference at most 1e-5)</source>
        <translation>将同一输入分别送入 LibTorch 和 onnxruntime 并比较（最大绝对差不超过 1e-5）</translation>
    </message>
    <message>
        <source>Output file:</source>
        <translation>输出文件：</translation>
    </message>
    <message>
        <source>Opset:</source>
        <translation>Opset：</translation>
    </message>
    <message>
        <source>Batch norm:</source>
        <translation>批归一化：</translation>
    </message>
    <message>
        <source>onnxruntime check unavailable: %1</source>
        <translation>onnxruntime 检查不可用：%1</translation>
    </message>
    <message>
        <source>Export to ONNX</source>
        <translation>导出为 ONNX</translation>
    </message>
    <message>
        <source>ONNX models (*.onnx)</source>
        <translation>ONNX 模型 (*.onnx)</translation>
    </message>
    <message>
        <source>Choose the file to write.</source>
        <translation>请选择要写入的文件。</translation>
    </message>
    <message>
        <source>Exporting, then checking with onnxruntime…</source>
        <translation>正在导出，然后用 onnxruntime 检查…</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <source>&lt;b style=&apos;color:#b00020&apos;&gt;Nothing was written.&lt;/b&gt; %1</source>
        <translation>&lt;b style=&apos;color:#b00020&apos;&gt;未写入任何内容。&lt;/b&gt;%1</translation>
    </message>
    <message>
        <source>trained weights (stored with the trial)</source>
        <translation>训练后的权重（随试验保存）</translation>
    </message>
    <message>
        <source>fresh weights, %1: the trial stored none</source>
        <translation>新初始化的权重，%1：该试验未保存权重</translation>
    </message>
    <message>
        <source>Wrote &lt;b&gt;%1&lt;/b&gt; (%2).&lt;br&gt;%L3 parameters, %4; opset %5, batch norm %6.</source>
        <translation>已写入 &lt;b&gt;%1&lt;/b&gt;（%2）。&lt;br&gt;%L3 个参数，%4；opset %5，批归一化%6。</translation>
    </message>
    <message>
        <source>folded</source>
        <translation>已折叠</translation>
    </message>
    <message>
        <source>kept</source>
        <translation>已保留</translation>
    </message>
    <message>
        <source> (the engine counts %L1: folding merges batch norm into convolutions)</source>
        <translation>（引擎计数为 %L1：折叠会把批归一化合并进卷积）</translation>
    </message>
    <message>
        <source>&lt;br&gt;&lt;b style=&apos;color:#b00020&apos;&gt;The onnxruntime check failed:&lt;/b&gt; %1</source>
        <translation>&lt;br&gt;&lt;b style=&apos;color:#b00020&apos;&gt;onnxruntime 检查失败：&lt;/b&gt;%1</translation>
    </message>
    <message>
        <source>&lt;br&gt;onnxruntime against LibTorch on a batch of %1: max abs difference %2 (limit %3): %4</source>
        <translation>&lt;br&gt;onnxruntime 与 LibTorch 在大小为 %1 的批次上对比：最大绝对差 %2（上限 %3）：%4</translation>
    </message>
    <message>
        <source>&lt;b style=&apos;color:#1b7f3b&apos;&gt;passed&lt;/b&gt;</source>
        <translation>&lt;b style=&apos;color:#1b7f3b&apos;&gt;通过&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b style=&apos;color:#b00020&apos;&gt;FAILED&lt;/b&gt;</source>
        <translation>&lt;b style=&apos;color:#b00020&apos;&gt;失败&lt;/b&gt;</translation>
    </message>
    <message>
        <source>cannot make a scratch folder: %1</source>
        <translation>无法创建临时文件夹：%1</translation>
    </message>
    <message>
        <source>Export an Architecture to ONNX</source>
        <translation>将架构导出为 ONNX</translation>
    </message>
    <message>
        <source>Export an Architecture of %1 to ONNX</source>
        <translation>将 %1 的一个架构导出为 ONNX</translation>
    </message>
    <message>
        <source>&lt;b&gt;Weights: freshly initialised (untrained)&lt;/b&gt;, drawn with the seed. For trained weights, run a search in a study and export one of its trials.</source>
        <translation>&lt;b&gt;权重：新初始化（未训练）&lt;/b&gt;，由随机种子生成。如需训练过的权重，请在研究中运行搜索并导出其中的一个试验。</translation>
    </message>
    <message>
        <source>freshly initialised weights (untrained, seed %1)</source>
        <translation>新初始化的权重（未训练，随机种子 %1）</translation>
    </message>
    <message>
        <source>&lt;br&gt;Architecture: %1</source>
        <translation>&lt;br&gt;架构：%1</translation>
    </message>
    <message>
        <source>(the space has no choices)</source>
        <translation>（此搜索空间没有可选项）</translation>
    </message>
</context>
<context>
    <name>archscape::ParetoView</name>
    <message>
        <source>log x</source>
        <translation>对数 x</translation>
    </message>
    <message>
        <source>log y</source>
        <translation>对数 y</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>PNG, SVG, PDF or CSV…</source>
        <translation>PNG、SVG、PDF 或 CSV…</translation>
    </message>
    <message>
        <source>x</source>
        <translation>x</translation>
    </message>
    <message>
        <source>y</source>
        <translation>y</translation>
    </message>
    <message>
        <source>colour</source>
        <translation>颜色</translation>
    </message>
    <message>
        <source>Pareto front</source>
        <translation>帕累托前沿</translation>
    </message>
    <message>
        <source>selected</source>
        <translation>已选</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>max</source>
        <translation>最大</translation>
    </message>
    <message>
        <source>min</source>
        <translation>最小</translation>
    </message>
    <message>
        <source>dominated</source>
        <translation>被支配</translation>
    </message>
    <message>
        <source>No complete trial has both %1 and %2.</source>
        <translation>没有同时具有 %1 和 %2 的已完成试验。</translation>
    </message>
    <message>
        <source>%1 trials, %2 on the front · hypervolume %3 (reference %4 = %5, %6 = %7: the worst drawn value of each, 10 % of the range beyond)</source>
        <translation>%1 个试验，%2 个在前沿上 · 超体积 %3（参考点 %4 = %5，%6 = %7：各自绘出的最差值再外推范围的 10 %）</translation>
    </message>
    <message>
        <source>higher is better</source>
        <translation>越高越好</translation>
    </message>
    <message>
        <source>lower is better</source>
        <translation>越低越好</translation>
    </message>
    <message>
        <source>Trial %1 (id %2)</source>
        <translation>试验 %1（ID %2）</translation>
    </message>
    <message>
        <source>Cannot write the PNG file %1.</source>
        <translation>无法写入 PNG 文件 %1。</translation>
    </message>
    <message>
        <source>Cannot write the PDF file %1.</source>
        <translation>无法写入 PDF 文件 %1。</translation>
    </message>
    <message>
        <source>Cannot write the SVG file %1: %2</source>
        <translation>无法写入 SVG 文件 %1：%2</translation>
    </message>
    <message>
        <source>Cannot write the CSV file %1: %2</source>
        <translation>无法写入 CSV 文件 %1：%2</translation>
    </message>
    <message>
        <source>Export the Pareto view</source>
        <translation>导出帕累托视图</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG image (*.svg);;PDF (*.pdf);;CSV table (*.csv)</source>
        <translation>PNG 图像 (*.png);;SVG 图像 (*.svg);;PDF (*.pdf);;CSV 表格 (*.csv)</translation>
    </message>
    <message>
        <source>Export to ONNX…</source>
        <translation>导出为 ONNX…</translation>
    </message>
</context>
<context>
    <name>archscape::PluginsDialog</name>
    <message>
        <source>strategy %1</source>
        <translation>策略 %1</translation>
    </message>
    <message>
        <source>evaluator %1</source>
        <translation>评估器 %1</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Plugins</source>
        <translation>插件</translation>
    </message>
    <message>
        <source>Plugins are loaded at start-up from the built-in folder, the folders of ARCHSCAPE_PLUGIN_PATH and the plugin folders in Preferences.</source>
        <translation>插件在启动时从内置文件夹、ARCHSCAPE_PLUGIN_PATH 中的文件夹以及首选项中的插件文件夹加载。</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Provides</source>
        <translation>提供</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>loaded</source>
        <translation>已加载</translation>
    </message>
    <message>
        <source>refused: %1</source>
        <translation>已拒绝：%1</translation>
    </message>
    <message>
        <source>block kind %1</source>
        <translation>模块类型 %1</translation>
    </message>
</context>
<context>
    <name>archscape::PredictorView</name>
    <message>
        <source>Predictor</source>
        <translation>预测器</translation>
    </message>
    <message>
        <source>predicted</source>
        <translation>预测值</translation>
    </message>
    <message>
        <source>measured</source>
        <translation>实测值</translation>
    </message>
    <message>
        <source>predicted − measured</source>
        <translation>预测值 − 实测值</translation>
    </message>
    <message>
        <source>No predictor has stored predictions in this study.</source>
        <translation>此研究中没有预测器保存过预测结果。</translation>
    </message>
    <message>
        <source>%1 trials · Kendall τ %2 · Spearman ρ %3</source>
        <translation>%1 个试验 · Kendall τ %2 · Spearman ρ %3</translation>
    </message>
    <message>
        <source>Trial id %1
predicted %2
measured %3
residual %4</source>
        <translation>试验 ID %1
预测值 %2
实测值 %3
残差 %4</translation>
    </message>
</context>
<context>
    <name>archscape::PreferencesDialog</name>
    <message>
        <source>&amp;Remove</source>
        <translation>移除(&amp;R)</translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation>首选项</translation>
    </message>
    <message>
        <source>System language (%1)</source>
        <translation>系统语言（%1）</translation>
    </message>
    <message>
        <source>The new language is used the next time Archscape starts.</source>
        <translation>新语言将在下次启动 Archscape 时生效。</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>&amp;Interface language:</source>
        <translation>界面语言(&amp;I)：</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>添加(&amp;A)…</translation>
    </message>
    <message>
        <source>Archscape loads strategy, evaluator and block plugins from these folders when it starts.</source>
        <translation>Archscape 启动时会从这些文件夹加载策略、评估器和模块插件。</translation>
    </message>
    <message>
        <source>Plugin folders</source>
        <translation>插件文件夹</translation>
    </message>
    <message>
        <source>Add a Plugin Folder</source>
        <translation>添加插件文件夹</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>系统语言</translation>
    </message>
</context>
<context>
    <name>archscape::PropertyEditor</name>
    <message numerus="yes">
        <source>&lt;b&gt;%n blocks selected&lt;/b&gt;</source>
        <translation>
            <numerusform>&lt;b&gt;已选择 %n 个模块&lt;/b&gt;</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;b&gt;No block selected&lt;/b&gt;</source>
        <translation>&lt;b&gt;未选择模块&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Select a block on the canvas to edit its parameters.</source>
        <translation>在画布上选择一个模块以编辑其参数。</translation>
    </message>
    <message>
        <source>Alternatives: %1</source>
        <translation>备选项：%1</translation>
    </message>
    <message>
        <source>Body: %1 (%2)</source>
        <translation>主体：%1（%2）</translation>
    </message>
    <message>
        <source>Fixed</source>
        <translation>固定</translation>
    </message>
    <message>
        <source>Choice</source>
        <translation>选择</translation>
    </message>
    <message>
        <source>Shared</source>
        <translation>共享</translation>
    </message>
    <message>
        <source>Fixed: one value. Choice: the search picks one of a list. Shared: one decision used by several blocks.</source>
        <translation>固定：一个值。选择：搜索从列表中挑选一个。共享：多个模块共用的一个决策。</translation>
    </message>
    <message>
        <source> (%1 to %2)</source>
        <translation>（%1 到 %2）</translation>
    </message>
    <message>
        <source>values, comma-separated: 3, 5, 7</source>
        <translation>多个值，用逗号分隔：3, 5, 7</translation>
    </message>
    <message>
        <source>Share…</source>
        <translation>共享…</translation>
    </message>
    <message>
        <source>Make this list a named shared choice that other parameters can link to: one decision, several places.</source>
        <translation>将此列表设为命名的共享选择，其他参数可以链接到它：一个决策，多处使用。</translation>
    </message>
    <message>
        <source>%1 (missing)</source>
        <translation>%1（缺失）</translation>
    </message>
    <message>
        <source>The shared choice&apos;s values, comma-separated; every linked parameter takes the same one.</source>
        <translation>共享选择的取值，用逗号分隔；所有链接的参数取同一个值。</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>重命名…</translation>
    </message>
    <message>
        <source>%1 (unknown)</source>
        <translation>%1（未知）</translation>
    </message>
    <message>
        <source>The block&apos;s id: letters, digits, &apos;_&apos; and &apos;-&apos;; unique in the space</source>
        <translation>模块的 ID：字母、数字、“_”和“-”；在搜索空间中唯一</translation>
    </message>
    <message>
        <source>A free label shown on the canvas</source>
        <translation>显示在画布上的自由标签</translation>
    </message>
    <message>
        <source>id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>label</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>&lt;b&gt;Cell definition&lt;/b&gt; (shared by every Cell block naming it; double-click the block to see its graph)</source>
        <translation>&lt;b&gt;单元定义&lt;/b&gt;（所有引用它的 Cell 模块共用；双击模块可查看其图）</translation>
    </message>
    <message>
        <source>The cell definition&apos;s name</source>
        <translation>单元定义的名称</translation>
    </message>
    <message>
        <source>cell</source>
        <translation>单元</translation>
    </message>
    <message>
        <source>Nodes, the input and output included; every pair is an edge</source>
        <translation>节点数（含输入和输出）；每对节点之间是一条边</translation>
    </message>
    <message>
        <source>nodes</source>
        <translation>节点</translation>
    </message>
    <message>
        <source>edge ops</source>
        <translation>边操作</translation>
    </message>
    <message>
        <source>&lt;b&gt;Search space&lt;/b&gt;</source>
        <translation>&lt;b&gt;搜索空间&lt;/b&gt;</translation>
    </message>
    <message>
        <source>The space&apos;s name</source>
        <translation>搜索空间的名称</translation>
    </message>
    <message>
        <source>What the space is for</source>
        <translation>搜索空间的用途</translation>
    </message>
    <message>
        <source>name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a valid id: use letters, digits, &apos;_&apos; and &apos;-&apos;.</source>
        <translation>“%1”不是有效的 ID：请使用字母、数字、“_”和“-”。</translation>
    </message>
    <message>
        <source>There is already a block %1.</source>
        <translation>已存在模块 %1。</translation>
    </message>
    <message>
        <source>%1 already has an inner block %2.</source>
        <translation>%1 已有内部模块 %2。</translation>
    </message>
    <message>
        <source>Rename %1 to %2</source>
        <translation>将 %1 重命名为 %2</translation>
    </message>
    <message>
        <source>Label %1</source>
        <translation>为 %1 加标签</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a valid name for a shared choice.</source>
        <translation>“%1”不是有效的共享选择名称。</translation>
    </message>
    <message>
        <source>There is already a shared choice %1; link to it with the Shared mode.</source>
        <translation>已存在共享选择 %1；请使用“共享”模式链接到它。</translation>
    </message>
    <message>
        <source>Share %1 of %2 as %3</source>
        <translation>将 %2 的 %1 共享为 %3</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a free name for a shared choice.</source>
        <translation>共享选择名称“%1”已被占用。</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a free name for a cell definition.</source>
        <translation>单元定义名称“%1”已被占用。</translation>
    </message>
    <message>
        <source>A cell&apos;s edges need at least one operation to choose from.</source>
        <translation>单元的边至少需要一个可选操作。</translation>
    </message>
    <message>
        <source>Share a choice</source>
        <translation>共享选择</translation>
    </message>
    <message>
        <source>Name of the shared choice (other parameters link to it by this name):</source>
        <translation>共享选择的名称（其他参数通过此名称链接到它）：</translation>
    </message>
    <message>
        <source>Rename a shared choice</source>
        <translation>重命名共享选择</translation>
    </message>
    <message>
        <source>New name for %1 (every link follows):</source>
        <translation>%1 的新名称（所有链接随之更新）：</translation>
    </message>
</context>
<context>
    <name>archscape::RunPanel</name>
    <message>
        <source>Stopped %1 at step %L2 of %L3.</source>
        <translation>已停止：%1，停在第 %L2/%L3 步。</translation>
    </message>
    <message>
        <source>Finished %1 in %2.</source>
        <translation>已完成：%1，用时 %2。</translation>
    </message>
    <message>
        <source>%1: step %L2 of %L3</source>
        <translation>%1：第 %L2/%L3 步</translation>
    </message>
    <message>
        <source>%1: epoch %2 of %3, step %L4 of %L5</source>
        <translation>%1：第 %2/%3 轮，第 %L4/%L5 步</translation>
    </message>
    <message>
        <source>Started %1.</source>
        <translation>已开始：%1。</translation>
    </message>
    <message>
        <source>searching with DARTS</source>
        <translation>DARTS 搜索</translation>
    </message>
    <message>
        <source>timing the supernet&apos;s operations</source>
        <translation>测量超网络各操作的延迟</translation>
    </message>
    <message>
        <source>training the supernet</source>
        <translation>训练超网络</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 分 %2 秒</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Metrics with a direction, the first one leading: %1</source>
        <translation>带方向的指标，第一个为主：%1</translation>
    </message>
    <message>
        <source>none (e.g. params&lt;=1e6,latency_ms&lt;=20)</source>
        <translation>无（例如 params&lt;=1e6,latency_ms&lt;=20）</translation>
    </message>
    <message>
        <source> trials</source>
        <translation> 个试验</translation>
    </message>
    <message>
        <source>Epochs per trial for the training evaluators</source>
        <translation>训练类评估器每个试验的轮数</translation>
    </message>
    <message>
        <source>nb201_cifar10.csv or a data set folder</source>
        <translation>nb201_cifar10.csv 或数据集文件夹</translation>
    </message>
    <message>
        <source>Choose the data file or folder</source>
        <translation>选择数据文件或文件夹</translation>
    </message>
    <message>
        <source>Strategy</source>
        <translation>策略</translation>
    </message>
    <message>
        <source>Evaluator</source>
        <translation>评估器</translation>
    </message>
    <message>
        <source>Objectives</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Constraints</source>
        <translation>约束</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>预算</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <source>Workers</source>
        <translation>工作线程</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>轮数</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>The search&apos;s log</source>
        <translation>搜索日志</translation>
    </message>
    <message>
        <source>%1: %L2 trials stored.</source>
        <translation>%1：已保存 %L2 个试验。</translation>
    </message>
    <message>
        <source>Open a study (File &gt; Open) or create one from the space (File &gt; New Study…) to run a search.</source>
        <translation>要运行搜索，请打开一个研究（文件 &gt; 打开），或从搜索空间新建一个（文件 &gt; 新建研究…）。</translation>
    </message>
    <message>
        <source>Objectives: %1</source>
        <translation>目标：%1</translation>
    </message>
    <message>
        <source>Objectives: name at least one, e.g. valid_acc:max</source>
        <translation>目标：至少指定一个，例如 valid_acc:max</translation>
    </message>
    <message>
        <source>Constraints: %1</source>
        <translation>约束：%1</translation>
    </message>
    <message>
        <source>Paused: the trials in flight finish, nothing new is proposed.</source>
        <translation>已暂停：进行中的试验会完成，不再提议新的试验。</translation>
    </message>
    <message>
        <source>Resumed.</source>
        <translation>已继续。</translation>
    </message>
    <message>
        <source>Stopping after the trials in flight…</source>
        <translation>将在进行中的试验完成后停止…</translation>
    </message>
    <message>
        <source>%L1 trials done</source>
        <translation>已完成 %L1 个试验</translation>
    </message>
    <message>
        <source> (%L1 failed)</source>
        <translation>（%L1 个失败）</translation>
    </message>
    <message>
        <source> · elapsed %1 · ETA %2</source>
        <translation> · 已用 %1 · 预计剩余 %2</translation>
    </message>
    <message>
        <source> · best %1 %2</source>
        <translation> · 最佳 %1 %2</translation>
    </message>
    <message>
        <source>Trial %L1: new best %2 %3</source>
        <translation>试验 %L1：新的最佳 %2 %3</translation>
    </message>
    <message>
        <source>NAS-Bench-201 Table</source>
        <translation>NAS-Bench-201 表</translation>
    </message>
    <message>
        <source>CSV tables (*.csv);;All files (*)</source>
        <translation>CSV 表格 (*.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Data Set Folder</source>
        <translation>数据集文件夹</translation>
    </message>
</context>
<context>
    <name>archscape::SpaceAnalysis</name>
    <message>
        <source>Size: counting…</source>
        <translation>大小：正在计数…</translation>
    </message>
    <message>
        <source>Size: unknown (%1)</source>
        <translation>大小：未知（%1）</translation>
    </message>
    <message numerus="yes">
        <source>Size: unknown (fix the %n problem(s) first)</source>
        <translation>
            <numerusform>大小：未知（请先修复 %n 个问题）</numerusform>
        </translation>
    </message>
    <message>
        <source>Size: %1 architectures</source>
        <translation>大小：%1 种架构</translation>
    </message>
</context>
<context>
    <name>archscape::SpaceDocument</name>
    <message>
        <source>a vector</source>
        <translation>向量</translation>
    </message>
    <message>
        <source>a feature map</source>
        <translation>特征图</translation>
    </message>
    <message>
        <source>That block does not exist.</source>
        <translation>该模块不存在。</translation>
    </message>
    <message>
        <source>A block cannot feed itself.</source>
        <translation>模块不能连接到自身。</translation>
    </message>
    <message>
        <source>The %1 block has no output.</source>
        <translation>模块 %1 没有输出。</translation>
    </message>
    <message>
        <source>The %1 block has no input.</source>
        <translation>模块 %1 没有输入。</translation>
    </message>
    <message>
        <source>The %1 block has no input port %2.</source>
        <translation>模块 %1 没有输入端口 %2。</translation>
    </message>
    <message>
        <source>Input %1 of %2 is already fed by %3; remove that connection first.</source>
        <translation>%2 的输入 %1 已由 %3 连接；请先移除该连接。</translation>
    </message>
    <message>
        <source>Connecting %1 to %2 would make a cycle.</source>
        <translation>将 %1 连接到 %2 会形成环路。</translation>
    </message>
    <message>
        <source>%1 gives %2, but %3 takes %4.</source>
        <translation>%1 输出%2，但 %3 接受的是%4。</translation>
    </message>
</context>
<context>
    <name>archscape::SpaceMinimap</name>
    <message>
        <source>Overview: click or drag to move the view</source>
        <translation>概览：点击或拖动以移动视图</translation>
    </message>
</context>
<context>
    <name>archscape::SpaceScene</name>
    <message>
        <source>Double-click to open its inner graph.</source>
        <translation>双击打开其内部图。</translation>
    </message>
    <message>
        <source>This Cell names &apos;%1&apos;, which the space does not define.</source>
        <translation>此 Cell 引用了“%1”，但搜索空间中没有定义它。</translation>
    </message>
    <message>
        <source>in</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>out</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>cell %1: %2 nodes, %3 edges; each node sums its inputs
each edge chooses one of: %4</source>
        <translation>单元 %1：%2 个节点，%3 条边；每个节点对其输入求和
每条边从以下操作中选择一个：%4</translation>
    </message>
    <message>
        <source>%1 works on the top-level graph; go back to it first.</source>
        <translation>“%1”只能在顶层图中使用；请先返回顶层图。</translation>
    </message>
    <message>
        <source>Add %1</source>
        <translation>添加 %1</translation>
    </message>
    <message>
        <source>A cell&apos;s inner graph is edited in the property editor: its nodes and the operations each edge chooses from.</source>
        <translation>单元的内部图在属性编辑器中编辑：节点数以及每条边可选的操作。</translation>
    </message>
    <message>
        <source>A %1 block cannot go inside a %2 block.</source>
        <translation>%1 模块不能放入 %2 模块中。</translation>
    </message>
    <message>
        <source>Add alternative %1 to %2</source>
        <translation>为 %2 添加备选项 %1</translation>
    </message>
    <message>
        <source>Set the body %1 of %2</source>
        <translation>设置 %2 的主体 %1</translation>
    </message>
    <message>
        <source>A Repeat block needs its body; drop another kind here to replace it.</source>
        <translation>Repeat 模块需要主体；将其他类型拖放到此处即可替换。</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n alternative(s) of %1</source>
        <translation>
            <numerusform>删除 %1 的 %n 个备选项</numerusform>
        </translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message numerus="yes">
        <source>Copied %n block(s).</source>
        <translation>
            <numerusform>已复制 %n 个模块。</numerusform>
        </translation>
    </message>
    <message>
        <source>Cut</source>
        <translation>剪切</translation>
    </message>
    <message numerus="yes">
        <source>Cut %n block(s)</source>
        <translation>
            <numerusform>剪切 %n 个模块</numerusform>
        </translation>
    </message>
    <message>
        <source>Paste</source>
        <translation>粘贴</translation>
    </message>
    <message>
        <source>The clipboard holds no blocks.</source>
        <translation>剪贴板中没有模块。</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>创建副本</translation>
    </message>
    <message>
        <source>Cannot paste: %1</source>
        <translation>无法粘贴：%1</translation>
    </message>
    <message numerus="yes">
        <source>%1 %n block(s)</source>
        <translation>
            <numerusform>%1 %n 个模块</numerusform>
        </translation>
    </message>
    <message>
        <source>Connecting</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>Connect an output to an input, not to another output.</source>
        <translation>请将输出连接到输入，而不是另一个输出。</translation>
    </message>
    <message>
        <source>Connect an input to an output, not to another input.</source>
        <translation>请将输入连接到输出，而不是另一个输入。</translation>
    </message>
    <message>
        <source>Cannot connect: %1</source>
        <translation>无法连接：%1</translation>
    </message>
    <message>
        <source>Connected %1 to %2.</source>
        <translation>已将 %1 连接到 %2。</translation>
    </message>
    <message>
        <source>There is no block kind &apos;%1&apos;; is the plugin that provides it loaded?</source>
        <translation>没有名为“%1”的模块类型；提供它的插件是否已加载？</translation>
    </message>
</context>
<context>
    <name>archscape::StudyWorkspace</name>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Trials</source>
        <translation>试验</translation>
    </message>
    <message>
        <source>Pareto Front</source>
        <translation>帕累托前沿</translation>
    </message>
    <message>
        <source>Curves</source>
        <translation>曲线</translation>
    </message>
    <message>
        <source>Architecture</source>
        <translation>架构</translation>
    </message>
    <message>
        <source>Predictor</source>
        <translation>预测器</translation>
    </message>
    <message>
        <source>The trials of a search will be listed here, with their metrics.</source>
        <translation>搜索的试验及其指标将在此列出。</translation>
    </message>
    <message>
        <source>The trade-off between two objectives will be plotted here, the best trials highlighted.</source>
        <translation>两个目标之间的权衡将在此绘制，并突出显示最佳试验。</translation>
    </message>
    <message>
        <source>The training curves of the selected trial will be drawn here.</source>
        <translation>所选试验的训练曲线将在此绘制。</translation>
    </message>
    <message>
        <source>The network of the selected trial will be drawn here.</source>
        <translation>所选试验的网络将在此绘制。</translation>
    </message>
    <message>
        <source>How well a predictor&apos;s estimates match the measured metric will be shown here.</source>
        <translation>预测器的估计与实测指标的吻合程度将在此显示。</translation>
    </message>
    <message>
        <source>No study is open. Create one from this space with File &gt; New Study…, or open one with File &gt; Open…; then start a search in the Run dock.</source>
        <translation>未打开研究。请通过 文件 &gt; 新建研究… 从此搜索空间创建一个，或通过 文件 &gt; 打开… 打开一个；然后在“运行”停靠窗口中开始搜索。</translation>
    </message>
</context>
<context>
    <name>archscape::TrialTableModel</name>
    <message>
        <source>%1 M</source>
        <translation>%1 M</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>state</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>architecture</source>
        <translation>架构</translation>
    </message>
</context>
<context>
    <name>archscape::TrialsPanel</name>
    <message>
        <source>All states</source>
        <translation>所有状态</translation>
    </message>
    <message>
        <source>min</source>
        <translation>最小</translation>
    </message>
    <message>
        <source>max</source>
        <translation>最大</translation>
    </message>
    <message>
        <source>Any metric</source>
        <translation>任意指标</translation>
    </message>
    <message>
        <source>%L1 trials</source>
        <translation>%L1 个试验</translation>
    </message>
    <message>
        <source>%L1 of %L2 trials</source>
        <translation>%L2 个试验中的 %L1 个</translation>
    </message>
    <message>
        <source>Export to ONNX…</source>
        <translation>导出为 ONNX…</translation>
    </message>
</context>
<context>
    <name>archscape::ValidationPanel</name>
    <message>
        <source>Checking…</source>
        <translation>正在检查…</translation>
    </message>
    <message>
        <source>No problems found.</source>
        <translation>未发现问题。</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>The space as a whole (%1)</source>
        <translation>整个搜索空间（%1）</translation>
    </message>
    <message>
        <source>Click to show block %1 (%2)</source>
        <translation>点击以显示模块 %1（%2）</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Compose, search and inspect neural architecture search spaces.</source>
        <translation>构建、搜索和检查神经架构搜索空间。</translation>
    </message>
    <message>
        <source>A search space (.json) or a study (.db) to open.</source>
        <translation>要打开的搜索空间（.json）或研究（.db）。</translation>
    </message>
    <message>
        <source>Save the window as a PNG once laid out, then quit.</source>
        <translation>窗口布局完成后将其保存为 PNG，然后退出。</translation>
    </message>
    <message>
        <source>Select this block at start.</source>
        <translation>启动时选择此模块。</translation>
    </message>
    <message>
        <source>Select this trial (its number) of the study at start.</source>
        <translation>启动时选择研究中的此试验（按编号）。</translation>
    </message>
</context>
</TS>
