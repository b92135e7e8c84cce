<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AddBlockCommand</name>
    <message>
        <source>Add %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ArchitectureGraph</name>
    <message>
        <source>input %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2%3, %4 ch</source>
        <comment>operation, kernel, stride, output channels</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dwconv</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>conv</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>batch norm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>max pool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>avg pool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>global max pool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>global avg pool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>linear, %1 out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dropout %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>concat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>multiply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>identity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>zero</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>output %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cell %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cell %1, output %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1
output %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cell %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cell input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cell output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>node %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No operation reaches or leaves this node.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BlockHelpText</name>
    <message>
        <source>The network input: an image of C×H×W.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>image channels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>image height</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>image width</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First convolution: conv, batch norm, activation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>output channels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kernel size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stride</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>activation function</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>batch norm after the convolution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the convolution has a bias</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Convolution with batch norm and activation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>post: conv-BN-act; pre: act-conv-BN (ReLU-Conv-BN)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Depthwise k×k conv, then pointwise 1×1 conv, each with batch norm and activation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inverted residual: 1×1 expansion, depthwise k×k, optional squeeze-excite, 1×1 projection; residual when shapes allow.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expansion ratio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>squeeze-excite ratio (0: none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Max or average pooling.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pooling type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passes its input through.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outputs zeros: removes the path it is on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One of several alternative blocks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its body block stacked depth times; only the first repetition strides.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>number of repetitions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A reusable cell: each edge of its inner DAG chooses an operation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name of the cell definition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Element-wise sum of its inputs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>number of inputs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Concatenates its inputs along channels.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pools each channel to one value.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fully connected layer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>output features</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Classifier: optional BN+ReLU, global average pooling, dropout, linear.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>number of classes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>batch norm and ReLU before pooling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dropout before the classifier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The network output.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BlockStyle</name>
    <message>
        <source>Input and output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Convolution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pooling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Searchable structure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pass-through</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Classifier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plugins</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConnectCommand</name>
    <message>
        <source>Connect %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DisconnectCommand</name>
    <message>
        <source>Disconnect %1 from %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GraphvizLayout</name>
    <message>
        <source>Graphviz could not lay out the architecture graph</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LastCrashNotice</name>
    <message>
        <source>The last session ended because %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MoveBlocksCommand</name>
    <message>
        <source>Move %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Move %n block(s)</source>
        <translation>
            <numerusform>Move %n block</numerusform>
            <numerusform>Move %n blocks</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ParameterText</name>
    <message>
        <source>%1 needs a value.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 takes whole numbers; &apos;%2&apos; is not one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 takes numbers; &apos;%2&apos; is not one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is true or false; &apos;%2&apos; is neither.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is one of %2; &apos;%3&apos; is not.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 must lie between %2 and %3; %4 does not.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 appears twice in the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A choice needs at least one value.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>one of {%1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no body)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 × %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1×%2×%3 (C×H×W)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cell &apos;%1&apos; (undefined)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cell %1: %2 nodes, %3 ops</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RemoveBlocksCommand</name>
    <message>
        <source>Delete %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Delete %n connection(s)</source>
        <translation>
            <numerusform>Delete %n connection</numerusform>
            <numerusform>Delete %n connections</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %n block(s)</source>
        <translation>
            <numerusform>Delete %n block</numerusform>
            <numerusform>Delete %n blocks</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RenameCommand</name>
    <message>
        <source>Rename %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SetCellCommand</name>
    <message>
        <source>Remove cell %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change cell %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create cell %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SetParameterCommand</name>
    <message>
        <source>Set %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SetSharedChoiceCommand</name>
    <message>
        <source>Remove shared choice %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change shared choice %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create shared choice %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SetSpaceInfoCommand</name>
    <message>
        <source>Edit space name and description</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>archscape::ArchitectureChooser</name>
    <message>
        <source>The space&apos;s default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Random, drawn with the seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Typed encoding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draws the random architecture and initialises the weights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>key=option;key=option (left out: the default)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Architecture:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Encoding:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b style=&apos;color:#b00020&apos;&gt;This space cannot be exported:&lt;/b&gt; %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%L1 parameters, %L2 multiply-adds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b style=&apos;color:#b00020&apos;&gt;Not an architecture of this space:&lt;/b&gt; %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>archscape::ArchitectureView</name>
    <message>
        <source>Compare: pin this trial</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the trial shown now in a second pane, beside the selected one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export SVG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a trial to see its architecture.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trial %1 (id %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trial id %1 is not in this study.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No search space to read trial %1&apos;s architecture with.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read trial %1&apos;s architecture: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write the SVG file %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Architecture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the architecture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SVG image (*.svg)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export to ONNX…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>archscape::BackgroundSearch</name>
    <message>
        <source>Done: %L1 trials in %2 s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped after %L1 trials; Resume continues it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The strategy has nothing left to propose after %L1 trials.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this study has run already; Resume continues it, or create a new study for other settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this study has not run yet: Start it first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 search with the %2 evaluator, %L3 trials, seed %4, %5 worker(s) on %6.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 trial(s) left running by an interrupted run were queued again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The search could not run: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>archscape::BlockPalette</name>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; (%2)&lt;br&gt;%3&lt;br&gt;&lt;i&gt;Drag onto the canvas to add.&lt;/i&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>plugin %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>archscape::BlockPalettePanel</name>
    <message>
        <source>Filter blocks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shows the block kinds whose name, help, group or plugin contains this text; Return adds the first one.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>archscape::BreadcrumbBar</name>
    <message>
        <source>Search space</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to the top-level graph (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>archscape::CurvesView</name>
    <message>
        <source>epoch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No study open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No trial selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a trial in the table or a plot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trial %1: training curves</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trial id %1 is not in this study</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No per-epoch curves for this trial (its evaluator stores final values only)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>archscape::MainWindow</name>
    <message>
        <source>Blocks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Properties</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Validation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New &amp;Study…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Examples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>D&amp;uplicate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pr&amp;eferences…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Fit to View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Snap to Grid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Minimap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (example)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (study)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1[*] — Archscape</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open the search space</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file %1 could not be opened.

%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open the study</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The study %1 could not be opened.

%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened the study %1: %L2 trials.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create the study</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New Study from This Space</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>study.db</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Studies (*.db)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot save the search space</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Search Space</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search spaces and studies (*.json *.db);;Search spaces (*.json);;Studies (*.db);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>space</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save Search Space</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search spaces (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The search space has unsaved changes. Save them?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No recent files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear List</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No examples found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Plugins…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Close Study</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>archscape::OnnxExportActions</name>
    <message>
        <source>E&amp;xport to ONNX…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export this space&apos;s architecture to ONNX…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the selected trial&apos;s network with its weights, or an architecture of the space, as an ONNX model</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>archscape::OnnxExportDialog</name>
    <message>
        <source>Check with onnxruntime</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Trial %1 to ONNX</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep (BatchNormalization nodes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fold into the preceding convolution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the same input through LibTorch and onnxruntime and compare (max abs difference at most 1e-5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output file:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opset:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batch norm:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>onnxruntime check unavailable: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export to ONNX</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ONNX models (*.onnx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the file to write.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting, then checking with onnxruntime…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b style=&apos;color:#b00020&apos;&gt;Nothing was written.&lt;/b&gt; %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>trained weights (stored with the trial)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fresh weights, %1: the trial stored none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrote &lt;b&gt;%1&lt;/b&gt; (%2).&lt;br&gt;%L3 parameters, %4; opset %5, batch norm %6.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>folded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (the engine counts %L1: folding merges batch norm into convolutions)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;br&gt;&lt;b style=&apos;color:#b00020&apos;&gt;The onnxruntime check failed:&lt;/b&gt; %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;br&gt;onnxruntime against LibTorch on a batch of %1: max abs difference %2 (limit %3): %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b style=&apos;color:#1b7f3b&apos;&gt;passed&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b style=&apos;color:#b00020&apos;&gt;FAILED&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot make a scratch folder: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export an Architecture to ONNX</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export an Architecture of %1 to ONNX</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Weights: freshly initialised (untrained)&lt;/b&gt;, drawn with the seed. For trained weights, run a search in a study and export one of its trials.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>freshly initialised weights (untrained, seed %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;br&gt;Architecture: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(the space has no choices)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>archscape::ParetoView</name>
    <message>
        <source>log x</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>log y</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG, SVG, PDF or CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>x</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>y</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>colour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pareto front</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>max</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dominated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No complete trial has both %1 and %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 trials, %2 on the front · hypervolume %3 (reference %4 = %5, %6 = %7: the worst drawn value of each, 10 % of the range beyond)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>higher is better</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lower is better</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trial %1 (id %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write the PNG file %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write the PDF file %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write the SVG file %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write the CSV file %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the Pareto view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG image (*.svg);;PDF (*.pdf);;CSV table (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export to ONNX…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>archscape::PluginsDialog</name>
    <message>
        <source>strategy %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>evaluator %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nothing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plugins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plugins are loaded at start-up from the built-in folder, the folders of ARCHSCAPE_PLUGIN_PATH and the plugin folders in Preferences.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Provides</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>loaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>refused: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>block kind %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>archscape::PredictorView</name>
    <message>
        <source>Predictor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>predicted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>measured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>predicted − measured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No predictor has stored predictions in this study.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 trials · Kendall τ %2 · Spearman ρ %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trial id %1
predicted %2
measured %3
residual %4</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>archscape::PreferencesDialog</name>
    <message>
        <source>&amp;Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System language (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new language is used the next time Archscape starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Interface language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Archscape loads strategy, evaluator and block plugins from these folders when it starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plugin folders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a Plugin Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System language</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>archscape::PropertyEditor</name>
    <message numerus="yes">
        <source>&lt;b&gt;%n blocks selected&lt;/b&gt;</source>
        <translation>
            <numerusform>&lt;b&gt;%n block selected&lt;/b&gt;</numerusform>
            <numerusform>&lt;b&gt;%n blocks selected&lt;/b&gt;</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;b&gt;No block selected&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a block on the canvas to edit its parameters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alternatives: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Body: %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fixed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shared</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fixed: one value. Choice: the search picks one of a list. Shared: one decision used by several blocks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (%1 to %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>values, comma-separated: 3, 5, 7</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make this list a named shared choice that other parameters can link to: one decision, several places.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (missing)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The shared choice&apos;s values, comma-separated; every linked parameter takes the same one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (unknown)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The block&apos;s id: letters, digits, &apos;_&apos; and &apos;-&apos;; unique in the space</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A free label shown on the canvas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Cell definition&lt;/b&gt; (shared by every Cell block naming it; double-click the block to see its graph)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The cell definition&apos;s name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cell</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nodes, the input and output included; every pair is an edge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nodes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>edge ops</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Search space&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The space&apos;s name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the space is for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a valid id: use letters, digits, &apos;_&apos; and &apos;-&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is already a block %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 already has an inner block %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a valid name for a shared choice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is already a shared choice %1; link to it with the Shared mode.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share %1 of %2 as %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a free name for a shared choice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a free name for a cell definition.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A cell&apos;s edges need at least one operation to choose from.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share a choice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name of the shared choice (other parameters link to it by this name):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename a shared choice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New name for %1 (every link follows):</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>archscape::RunPanel</name>
    <message>
        <source>Stopped %1 at step %L2 of %L3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finished %1 in %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: step %L2 of %L3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: epoch %2 of %3, step %L4 of %L5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>searching with DARTS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>timing the supernet&apos;s operations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>training the supernet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Metrics with a direction, the first one leading: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none (e.g. params&lt;=1e6,latency_ms&lt;=20)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> trials</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Epochs per trial for the training evaluators</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nb201_cifar10.csv or a data set folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the data file or folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Strategy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evaluator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Objectives</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Constraints</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Budget</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The search&apos;s log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %L2 trials stored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a study (File &gt; Open) or create one from the space (File &gt; New Study…) to run a search.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Objectives: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Objectives: name at least one, e.g. valid_acc:max</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Constraints: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused: the trials in flight finish, nothing new is proposed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resumed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopping after the trials in flight…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%L1 trials done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (%L1 failed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · elapsed %1 · ETA %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · best %1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trial %L1: new best %2 %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NAS-Bench-201 Table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV tables (*.csv);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data Set Folder</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>archscape::SpaceAnalysis</name>
    <message>
        <source>Size: counting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size: unknown (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Size: unknown (fix the %n problem(s) first)</source>
        <translation>
            <numerusform>Size: unknown (fix the problem first)</numerusform>
            <numerusform>Size: unknown (fix the %n problems first)</numerusform>
        </translation>
    </message>
    <message>
        <source>Size: %1 architectures</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>archscape::SpaceDocument</name>
    <message>
        <source>a vector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a feature map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That block does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A block cannot feed itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 block has no output.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 block has no input.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 block has no input port %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Input %1 of %2 is already fed by %3; remove that connection first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting %1 to %2 would make a cycle.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 gives %2, but %3 takes %4.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>archscape::SpaceMinimap</name>
    <message>
        <source>Overview: click or drag to move the view</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>archscape::SpaceScene</name>
    <message>
        <source>Double-click to open its inner graph.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This Cell names &apos;%1&apos;, which the space does not define.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cell %1: %2 nodes, %3 edges; each node sums its inputs
each edge chooses one of: %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 works on the top-level graph; go back to it first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A cell&apos;s inner graph is edited in the property editor: its nodes and the operations each edge chooses from.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A %1 block cannot go inside a %2 block.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add alternative %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set the body %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A Repeat block needs its body; drop another kind here to replace it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Delete %n alternative(s) of %1</source>
        <translation>
            <numerusform>Delete %n alternative of %1</numerusform>
            <numerusform>Delete %n alternatives of %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Copied %n block(s).</source>
        <translation>
            <numerusform>Copied %n block.</numerusform>
            <numerusform>Copied %n blocks.</numerusform>
        </translation>
    </message>
    <message>
        <source>Cut</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Cut %n block(s)</source>
        <translation>
            <numerusform>Cut %n block</numerusform>
            <numerusform>Cut %n blocks</numerusform>
        </translation>
    </message>
    <message>
        <source>Paste</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The clipboard holds no blocks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot paste: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 %n block(s)</source>
        <translation>
            <numerusform>%1 %n block</numerusform>
            <numerusform>%1 %n blocks</numerusform>
        </translation>
    </message>
    <message>
        <source>Connecting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect an output to an input, not to another output.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect an input to an output, not to another input.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot connect: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected %1 to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no block kind &apos;%1&apos;; is the plugin that provides it loaded?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>archscape::StudyWorkspace</name>
    <message>
        <source>Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trials</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pareto Front</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Curves</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Architecture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Predictor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The trials of a search will be listed here, with their metrics.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The trade-off between two objectives will be plotted here, the best trials highlighted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The training curves of the selected trial will be drawn here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The network of the selected trial will be drawn here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How well a predictor&apos;s estimates match the measured metric will be shown here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No study is open. Create one from this space with File &gt; New Study…, or open one with File &gt; Open…; then start a search in the Run dock.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>archscape::TrialTableModel</name>
    <message>
        <source>%1 M</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>#</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>architecture</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>archscape::TrialsPanel</name>
    <message>
        <source>All states</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>max</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any metric</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%L1 trials</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%L1 of %L2 trials</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export to ONNX…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>archscape::ValidationPanel</name>
    <message>
        <source>Checking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No problems found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The space as a whole (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click to show block %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Compose, search and inspect neural architecture search spaces.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A search space (.json) or a study (.db) to open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the window as a PNG once laid out, then quit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select this block at start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select this trial (its number) of the study at start.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
